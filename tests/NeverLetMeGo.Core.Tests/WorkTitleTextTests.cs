using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

public sealed class WorkTitleTextTests
{
    private const string ArrivalText = "I saw Arrival twice in one week. Villeneuve lets the aliens stay strange.";

    [Theory]
    [InlineData("Arrival and the grammar of grief", ArrivalText, "Arrival")]
    [InlineData("Arrival's quiet grammar of grief", ArrivalText, "Arrival")]
    [InlineData("Arrival is the year's saddest film", ArrivalText, "Arrival")]
    [InlineData("Past Lives and the ache of the road not taken", "Past Lives is Celine Song's debut. Past Lives never hurries.", "Past Lives")]
    [InlineData("Pride and Prejudice and the art of the proposal", "Watching Pride and Prejudice again, I laughed.", "Pride and Prejudice")]
    [InlineData("Schindler's List and the weight of names", "Oskar Schindler saves them. I rewatched Schindler's List.", "Schindler's List")]
    [InlineData("Klara and the Sun and the limits of love", "Klara watches. I loved Klara and the Sun.", "Klara and the Sun")]
    // Title case capitalises the verb as well.
    [InlineData("Arrival Is a Film About Grief Disguised as First Contact", ArrivalText, "Arrival")]
    [InlineData("Life Is Beautiful Is a Fable That Earns Its Tears", "I rewatched Life Is Beautiful last night.", "Life Is Beautiful")]
    [InlineData("REVIEW: Oppenheimer is Nolan's masterpiece", "I saw Oppenheimer twice. Nolan never lets up.", "Oppenheimer")]
    [InlineData("Barbie is Greta Gerwig's triumph", "Nobody expected Barbie to be this good.", "Barbie")]
    public void A_headline_opening_with_a_name_the_article_uses_names_the_work(string headline, string text, string expected)
    {
        Assert.Equal(expected, WorkTitle.From(null, headline, [text]));
    }

    [Theory]
    // The article never names it, or names it only as a sentence's first word, once.
    [InlineData("Arrival and the grammar of grief", "Villeneuve lets the aliens stay strange.")]
    [InlineData("Arrival and the grammar of grief", "Arrival is patient. Villeneuve lets the aliens stay strange.")]
    // No lower-case connective after the name: a comma, a verb outside the list, a title going on.
    [InlineData("Sally Ride, first American woman in space, dies at 61", "NASA said Sally Ride died on Monday.")]
    [InlineData("Sally Ride dies at 61", "NASA said Sally Ride died on Monday.")]
    [InlineData("Klara and the Sun", "I loved Klara and the Sun. Klara watches.")]
    // News: a person called by the last name, an organisation's acronym, a sentence about what a name owns.
    [InlineData("Cybill Shepherd is engaged", "Actress Cybill Shepherd will soon walk down the aisle again. \"It was romantic,\" Shepherd said.")]
    [InlineData("Cybill Shepherd Is Engaged Again", "Actress Cybill Shepherd will soon walk down the aisle again. \"It was romantic,\" Shepherd said.")]
    [InlineData("OCLC\u2019s un-hire", "I wanted to follow up on OCLC\u2019s un-hire. So, good for OCLC.")]
    [InlineData("Nintendo's first iPhone game will launch in December for $10", "Nintendo and Apple shocked the world when Nintendo took the stage.")]
    // A sentence opener is no name, however often the article starts with it.
    [InlineData("This is why Arrival matters", "This is long. This is sad. I saw Arrival.")]
    [InlineData("I was wrong about Arrival", "Then I saw it, and I cried.")]
    public void A_headline_the_article_does_not_back_stays_whole(string headline, string text)
    {
        Assert.Equal(headline, WorkTitle.From(null, headline, [text]));
    }

    [Theory]
    [InlineData("https://letters.example/p/past-lives", "Past Lives and the ache of the road not taken", "Past Lives")]
    [InlineData("https://blog.example/2023/06/schindlers-list.html", "Schindler's List and the weight of names", "Schindler's List")]
    // An address that spells the whole headline, or other words, names nothing.
    [InlineData("https://blog.example/2023/06/past-lives-and-the-ache-of-the-road-not-taken/", "Past Lives and the ache of the road not taken", "Past Lives and the ache of the road not taken")]
    [InlineData("https://blog.example/2023/06/post-1234", "Past Lives and the ache of the road not taken", "Past Lives and the ache of the road not taken")]
    public void An_address_that_names_the_headline_s_first_words_names_the_work(string url, string headline, string expected)
    {
        // The article never names the film: only the address tells where its title ends.
        Assert.Equal(expected, WorkTitle.From(null, headline, ["A film about the lives we do not live."], url));
    }

    [Fact]
    public void Another_rule_or_structured_data_comes_first()
    {
        Assert.Equal("Arrival", WorkTitle.From("Arrival", "Arrival and the grammar of grief", ["Amy Adams and the linguists."]));
        Assert.Equal("Arrival", WorkTitle.From(null, "Arrival: and the grammar of grief", ["Amy Adams is Louise."]));
    }
}
