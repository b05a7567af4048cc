using NeverLetMeGo.Core.Ratings;

namespace NeverLetMeGo.Core.Tests;

public sealed class RatingParserTests
{
    [Theory]
    [InlineData("Long story short: 3/4 stars", "3/4 stars", 3, 4, 75)]
    [InlineData("3/4", "3/4", 3, 4, 75)]
    [InlineData("Rating: 3 out of 4", "3 out of 4", 3, 4, 75)]
    [InlineData("I'd give it 3 out of 5 stars.", "3 out of 5 stars", 3, 5, 60)]
    [InlineData("7/10", "7/10", 7, 10, 70)]
    [InlineData("A great blockbuster that trusts its audience. 9/10", "9/10", 9, 10, 90)]
    [InlineData("Flawed, but I loved it! 4/5.", "4/5", 4, 5, 80)]
    [InlineData("Verdict: 8.5/10", "8.5/10", 8.5, 10, 85)]
    [InlineData("Score: 85/100", "85/100", 85, 100, 85)]
    [InlineData("Rating: 2.5/4", "2.5/4", 2.5, 4, 62.5)]
    [InlineData("★★★½", "★★★½", 3.5, 5, 70)]
    [InlineData("★★★☆☆", "★★★☆☆", 3, 5, 60)]
    [InlineData("My rating: ★★☆☆", "★★☆☆", 2, 4, 50)]
    [InlineData("Rating: *** 1/2", "*** 1/2", 3.5, 5, 70)]
    [InlineData("3.5 stars", "3.5 stars", 3.5, 5, 70)]
    [InlineData("I give it three and a half stars.", "three and a half stars", 3.5, 5, 70)]
    [InlineData("Grade: B+", "B+", 85, 100, 85)]
    [InlineData("Final grade: A-", "A-", 90, 100, 90)]
    [InlineData("B+", "B+", 85, 100, 85)]
    [InlineData("Overall: 2/3 of a masterpiece, 4/5 stars", "4/5 stars", 4, 5, 80)]
    [InlineData("Note : 9/10", "9/10", 9, 10, 90)]
    [InlineData("Calificación: 4/5", "4/5", 4, 5, 80)]
    [InlineData("Bewertung: 7/10", "7/10", 7, 10, 70)]
    [InlineData("Note : 4,5/5", "4,5/5", 4.5, 5, 90)]
    [InlineData("Valoraci\u00F3n: 7,5/10", "7,5/10", 7.5, 10, 75)]
    public void Ratings_with_context_are_read_as_written(string text, string raw, double value, double scale, double normalized)
    {
        var rating = RatingParser.Parse(text);

        Assert.NotNull(rating);
        Assert.Equal(raw, rating.Raw);
        Assert.Equal(value, rating.Value);
        Assert.Equal(scale, rating.Scale);
        Assert.Equal(normalized, rating.Normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No numbers at all in this sentence.")]
    [InlineData("Nothing was the same after 9/11.")]
    [InlineData("9/11")]
    [InlineData("Posted on 1/5/2011 by John")]
    [InlineData("by 1967 people were living into their 100's.")]
    [InlineData("0 of 8192 characters used")]
    [InlineData("He ate 3/4 of the cake before anyone noticed.")]
    [InlineData("Its three stars are wonderful together.")]
    [InlineData("The screening starts at 10:30 on Friday.")]
    [InlineData("Roughly 3 out of 4 people I asked preferred the book.")]
    [InlineData("She was a grade A student at Hailsham.")]
    [InlineData("The book* is better than the film.")]
    [InlineData("It is a 50/50 chance that you will cry.")]
    [InlineData("Chapter 2/3 of the novel drags.")]
    [InlineData("Score: 1,500/2,000 points")]
    [InlineData("They had waited since 9/11.")]
    [InlineData("The vote was close. 7/12")]
    [InlineData("Half of the cast left. 1/2")]
    public void Dates_fractions_and_prose_are_not_ratings(string text)
    {
        Assert.Null(RatingParser.Parse(text));
    }

    [Theory]
    [InlineData("A+", 100)]
    [InlineData("A", 95)]
    [InlineData("A-", 90)]
    [InlineData("B+", 85)]
    [InlineData("B", 80)]
    [InlineData("B-", 75)]
    [InlineData("C+", 70)]
    [InlineData("C", 65)]
    [InlineData("C-", 60)]
    [InlineData("D+", 55)]
    [InlineData("D", 50)]
    [InlineData("D-", 45)]
    [InlineData("F", 0)]
    [InlineData("b \u2212", 75)]
    public void Letter_grades_follow_the_documented_ladder(string grade, double points)
    {
        Assert.Equal(points, GradeLadder.PointsFor(grade));
    }

    [Fact]
    public void Letters_off_the_ladder_have_no_points()
    {
        Assert.Null(GradeLadder.PointsFor("E"));
        Assert.Null(GradeLadder.PointsFor("A++"));
    }
}
