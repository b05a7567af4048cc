using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

public sealed class WarningPatternTests
{
    [Theory]
    [InlineData("Spoiler alert!")]
    [InlineData("\"Never Let Me Go\" Movie Meaning: Spoiler Alert!")]
    [InlineData("Spoilers ahead.")]
    [InlineData("Spoiler warning: this piece discusses what happens to Tommy.")]
    [InlineData("This review contains major spoilers.")]
    [InlineData("Potential spoilers below.")]
    [InlineData("Please bear in mind that there are spoilers after the break.")]
    [InlineData("[Spoilers]")]
    [InlineData("Never Let Me Go (spoilers)")]
    [InlineData("Major spoilers follow.")]
    [InlineData("If you haven\u2019t seen it, don\u2019t read on.")]
    [InlineData("Don't read further if you want to be surprised.")]
    [InlineData("You have been warned.")]
    [InlineData("Warning: spoilers")]
    [InlineData("Beware of spoilers in the second half.")]
    // As review sites and blogs put it: a warning need not say "spoiler alert", or say "spoiler" at all.
    [InlineData("Warning: spoilers for the ending follow.")]
    [InlineData("Spoilers for the entire season below.")]
    [InlineData("(Spoilers for the whole trilogy.)")]
    [InlineData("Spoilers for Dune: Part Two.")]
    [InlineData("Spoilers through episode 5.")]
    [InlineData("Spoilers to follow.")]
    [InlineData("Spoilers abound.")]
    [InlineData("Caution: spoilers.")]
    [InlineData("Obviously, spoilers.")]
    [InlineData("Here be spoilers.")]
    [InlineData("This post is full of spoilers, so consider yourself warned.")]
    [InlineData("A spoiler-y discussion follows.")]
    [InlineData("Warning: this review reveals the ending.")]
    [InlineData("The rest of this review discusses the ending in detail.")]
    [InlineData("I’m going to spoil the ending now.")]
    [InlineData("Major plot details are discussed below.")]
    [InlineData("Stop here if you want to go in blind.")]
    [InlineData("Skip the next two paragraphs if you don't want to know how it ends.")]
    [InlineData("If you have not seen the film yet, bookmark this and come back later.")]
    [InlineData("Spoilers: why Ingrid stays in the lighthouse")]
    [InlineData("Major spoiler \u2013 the last act")]
    [InlineData("Attention, spoilers !")]
    [InlineData("Alerte spoiler : la suite r\u00e9v\u00e8le la fin.")]
    [InlineData("Cette critique contient des spoilers.")]
    [InlineData("\u00a1Alerta de spoiler!")]
    [InlineData("Atenci\u00f3n: este art\u00edculo contiene spoilers.")]
    [InlineData("Aviso: cont\u00e9m spoilers.")]
    [InlineData("Aten\u00e7\u00e3o, spoilers!")]
    [InlineData("Achtung, Spoiler!")]
    [InlineData("Spoilerwarnung: Die folgenden Abs\u00e4tze verraten das Ende.")]
    [InlineData("Dieser Text enth\u00e4lt Spoiler.")]
    [InlineData("Attenzione: spoiler!")]
    [InlineData("Questa recensione contiene spoiler.")]
    [InlineData("Spoiler Discussion")]
    [InlineData("Spoilery thoughts")]
    [InlineData("The spoiler section")]
    [InlineData("Spoiler talk:")]
    [InlineData("And now for the spoilers...")]
    [InlineData("Let's talk spoilers")]
    [InlineData("Spoiler warning: Plot and/or ending details follow.")]
    [InlineData("Plot and/or ending details follow.")]
    [InlineData("Ending details follow.")]
    [InlineData("Heads up, the next part spoils the ending.")]
    [InlineData("Spoiler-y thoughts below the cut.")]
    [InlineData("Beware, spoilers lie ahead!")]
    [InlineData("(Spoilers in the next paragraph.)")]
    [InlineData("This is your last chance to turn back before I reveal the twist.")]
    public void Author_warnings_are_recognised(string text)
    {
        Assert.NotNull(WarningPatterns.Classify(text));
    }

    [Theory]
    [InlineData("This is a spoiler-free review.")]
    [InlineData("No spoilers here, I promise.")]
    [InlineData("A review without spoilers, for those still deciding.")]
    [InlineData("Thanks, Dave \u2013 I updated the post with a spoiler alert.")]
    [InlineData("The spoiler alert does not show up in the RSS feed.")]
    [InlineData("I was cautious not to spoil any of the plot.")]
    [InlineData("The film is beautifully shot and quietly devastating.")]
    [InlineData("Don't read this book on a train; you will cry.")]
    [InlineData("Spoiler-free from here on.")]
    [InlineData("I hate spoilers, and the trailer spoils the best twist.")]
    [InlineData("Spoilers are everywhere online these days.")]
    [InlineData("Spoilers for this film have been all over the internet.")]
    [InlineData("The final scene reveals the twist beautifully.")]
    [InlineData("The marketing gave away the ending, which is a shame.")]
    [InlineData("I won't spoil the ending.")]
    [InlineData("Do yourself a favor and avoid spoilery reviews.")]
    [InlineData("Critique sans spoilers.")]
    [InlineData("Rese\u00f1a sin spoilers.")]
    [InlineData("Kritik ohne Spoiler.")]
    [InlineData("Recensione senza spoiler.")]
    [InlineData("I paid no attention to spoilers and still loved it.")]
    [InlineData("My spoiler-free review is coming next week.")]
    [InlineData("The spoiler discussion on the forum got heated.")]
    [InlineData("Spoiler alerts annoy me more than spoilers do.")]
    [InlineData("It was her last chance to leave the island, and she took it.")]
    [InlineData("The trailer spoils the ending, which is a shame.")]
    public void Mentions_of_spoilers_and_spoiler_free_statements_are_not_warnings(string text)
    {
        Assert.Null(WarningPatterns.Classify(text));
    }

    [Fact]
    public void A_warning_about_the_premise_only_is_a_premise_warning()
    {
        var warning = WarningPatterns.Classify("Potential spoiler alert: If you don\u2019t want to know the premise of the film, or my interpretation of the characters\u2019 psychology, don\u2019t read on\u2026");

        Assert.NotNull(warning);
        Assert.True(warning.PremiseOnly);
    }

    [Theory]
    [InlineData("Spoiler alert: the premise and the ending are both discussed below.")]
    [InlineData("Spoilers ahead.")]
    public void A_warning_that_goes_beyond_the_premise_is_not_premise_only(string text)
    {
        var warning = WarningPatterns.Classify(text);

        Assert.NotNull(warning);
        Assert.False(warning.PremiseOnly);
    }

    [Theory]
    [InlineData("There are spoilers after the break.", true)]
    [InlineData("Spoilers below the fold.", true)]
    [InlineData("Spoilers ahead.", false)]
    public void Warnings_that_point_past_the_break_say_so(string text, bool namesBreak)
    {
        Assert.Equal(namesBreak, WarningPatterns.Classify(text)?.NamesBreak);
    }

    [Theory]
    [InlineData("End of spoilers.", true)]
    [InlineData("Spoilers end here.", true)]
    [InlineData("[/spoilers]", true)]
    [InlineData("Fin des spoilers.", true)]
    [InlineData("Fin de los spoilers.", true)]
    [InlineData("Ende der Spoiler.", true)]
    [InlineData("A fine spoiler-heavy discussion follows.", false)]
    [InlineData("Spoiler-free from here on.", true)]
    [InlineData("The end of the film is devastating.", false)]
    [InlineData("Spoilers ahead.", false)]
    public void End_markers_close_a_spoiler_region(string text, bool isEnd)
    {
        Assert.Equal(isEnd, WarningPatterns.IsEndMarker(text));
    }
}
