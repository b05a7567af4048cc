using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// The four samples read against our own labels (samples/labels.tsv) at the default tolerance, where premise and major
/// are both hidden. The bounds are what the shipped detector reaches today, so a change that leaks more or hides more
/// fails here; the goal (no leak, at most a tenth of the plain paragraphs hidden) and how far we are from it are in
/// bench/README.md, Spoilers.
/// </summary>
public sealed class SampleLabelsTests
{
    private const int MaxLeakedSentences = 2;
    private const double MaxPlainParagraphsHidden = 0.43;

    private sealed record Label(string File, string Where, string Level, string Fragment);

    private static readonly Label[] Labels = File.ReadLines(Path.Combine(RepositoryRoot.Path, "samples", "labels.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("file\t", StringComparison.Ordinal))
        .Select(l => l.Split('\t'))
        .Select(c => new Label(c[0], c[1], c[2], c[3]))
        .ToArray();

    private sealed record Unit(string File, string Where, Block Block);

    private static IEnumerable<Unit> Units() => SamplePages.All.SelectMany(file =>
    {
        var review = SamplePages.Review(file);
        return review.Blocks.Select(b => new Unit(file, "article", b))
            .Concat(review.Comments.SelectMany(c => c.Blocks.Select(b => new Unit(file, c.Id, b))));
    });

    private static IEnumerable<(Unit Unit, SentenceSpan Sentence, Label? Label)> Sentences() =>
        Units().SelectMany(u => u.Block.Sentences.Select(s =>
        {
            var text = u.Block.Text[s.Start..s.End];
            return (u, s, Labels.LastOrDefault(l => l.File == u.File && l.Where == u.Where && text.Contains(l.Fragment, StringComparison.Ordinal)));
        }));

    [Fact]
    public void Every_label_names_a_sentence_of_its_sample()
    {
        var matched = Sentences().Where(x => x.Label is not null).Select(x => x.Label!).ToHashSet();

        Assert.Empty(Labels.Where(l => !matched.Contains(l)).Select(l => $"{l.File} {l.Where}: {l.Fragment}"));
        Assert.True(Labels.Count(l => l.Level is "premise" or "major") >= 60);
    }

    [Fact]
    public void Every_author_warning_stays_visible()
    {
        var warnings = Sentences().Where(x => x.Label?.Level == "warning").ToArray();

        Assert.NotEmpty(warnings);
        Assert.All(warnings, x => Assert.Equal(SpoilerLevel.None, x.Sentence.Level));
        Assert.All(warnings, x => Assert.Equal(SpoilerLevel.None, x.Unit.Block.Spoiler.Level));
    }

    [Fact]
    public void Few_sentences_that_give_the_story_away_stay_visible_sentence_by_sentence()
    {
        var leaks = Sentences().Where(x => x.Label?.Level is "premise" or "major" && x.Sentence.Level == SpoilerLevel.None)
            .Select(x => $"{x.Unit.File} {x.Unit.Where}: {x.Label!.Fragment}").ToArray();

        Assert.True(leaks.Length <= MaxLeakedSentences, $"{leaks.Length} leaks:\n{string.Join('\n', leaks)}");
    }

    [Fact]
    public void A_paragraph_that_gives_the_story_away_is_hidden_whole()
    {
        // Paragraph mode hides a block at its own level: any labelled reveal must raise its paragraph.
        var shown = Units().Where(u => u.Block.Spoiler.Level == SpoilerLevel.None
                && Sentences().Any(x => x.Unit == u && x.Label?.Level is "premise" or "major"))
            .Select(u => $"{u.File} {u.Where}: {u.Block.Text[..Math.Min(60, u.Block.Text.Length)]}").ToArray();

        Assert.True(shown.Length <= MaxLeakedSentences, string.Join('\n', shown));
    }

    [Fact]
    public void Most_paragraphs_that_reveal_nothing_stay_visible()
    {
        var plain = Units().Where(u => !Sentences().Any(x => x.Unit == u && x.Label?.Level is "premise" or "major")).ToArray();
        var hidden = plain.Where(u => u.Block.Spoiler.Level != SpoilerLevel.None).ToArray();

        Assert.True(plain.Length >= 60);
        Assert.True(hidden.Length <= MaxPlainParagraphsHidden * plain.Length, $"{hidden.Length} of {plain.Length} plain paragraphs hidden");
    }
}
