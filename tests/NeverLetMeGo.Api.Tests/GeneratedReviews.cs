using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

/// <summary>
/// Random reviews for the leak test, from a seeded generator. Visible text and spoiler text use disjoint vocabularies, so
/// any run of spoiler words in a response can only have come from a spoiler block.
/// </summary>
internal sealed class GeneratedReviews(int seed)
{
    private static readonly string[] Plain = ["the", "film", "is", "quiet", "and", "patient", "with", "lovely", "acting", "music", "light", "slow", "careful", "school", "memory", "book", "score", "scene", "friends", "cast"];

    private readonly Random _random = new(seed);

    public Review Next(string work, int n)
    {
        var blocks = new List<Block>();
        var count = _random.Next(2, 9);
        for (var i = 0; i < count; i++)
        {
            blocks.Add(RandomBlock(i));
        }

        var spoilers = blocks.Where(b => b.Spoiler.Level > SpoilerLevel.None).ToList();
        // Every third review tries to leak through its title by repeating a spoiler block's opening words.
        var title = n % 3 == 0 && spoilers.Count > 0 ? string.Join(' ', spoilers[0].Text.Split(' ').Take(8)) : Sentence(Plain, 6);
        return new Review
        {
            Url = $"https://generated.example/{seed}/{n}",
            Title = title,
            Author = "Generated Critic",
            PublishedAt = new DateTimeOffset(2011, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(n),
            SiteName = "Generated Reviews",
            Work = new WorkRef(work),
            Rating = _random.Next(3) == 0 ? null : new Rating("3/4", 3, 4, 75),
            Blocks = blocks,
            Comments = Comments(),
        };
    }

    private Block RandomBlock(int index)
    {
        var roll = _random.Next(10);
        if (roll < 4)
        {
            return new Block(index, Kind(), Sentence(Plain, _random.Next(6, 20)), SpoilerTag.Clean);
        }

        if (roll == 4)
        {
            return new Block(index, BlockKind.Paragraph, "Spoiler warning: " + Sentence(Plain, 5), new SpoilerTag(SpoilerLevel.None, true, 0, ["author spoiler warning"]));
        }

        var level = roll < 7 ? SpoilerLevel.Premise : SpoilerLevel.Major;
        if (_random.Next(2) == 0)
            return new Block(index, Kind(), SecretSentence(_random.Next(9, 30)), new SpoilerTag(level, false, 0.9, ["after the author's spoiler warning"]));

        // A paragraph of opinion and reveal, tagged sentence by sentence, as the model tags them: mask=sentences shows the
        // opinion. The secret sentence comes first or last, so hidden runs sit at either end.
        var plain = Sentence(Plain, _random.Next(5, 12));
        var secret = SecretSentence(_random.Next(9, 20)) + ".";
        var secretFirst = _random.Next(2) == 0;
        var text = secretFirst ? secret + " " + plain : plain + " " + secret;
        SentenceSpan Span(string sentence, SpoilerLevel l)
        {
            var start = text.IndexOf(sentence, StringComparison.Ordinal);
            return new SentenceSpan(start, start + sentence.Length, l);
        }

        var spans = new[] { Span(plain, SpoilerLevel.None), Span(secret, level) }.OrderBy(x => x.Start).ToArray();
        return new Block(index, Kind(), text, new SpoilerTag(level, false, 0.9, ["model: 0.90"])) { Sentences = spans };
    }

    private List<Comment> Comments()
    {
        var parent = SecretSentence(_random.Next(9, 20));
        return
        [
            new Comment("c1", null, "Reader", null, [new Block(0, BlockKind.Paragraph, parent, new SpoilerTag(SpoilerLevel.Major, false, 1, ["marked as spoiler in the page"]))]),
            // A reply that quotes the spoiler without being tagged itself: it must inherit the level.
            new Comment("c2", "c1", "Replier", null, [new Block(0, BlockKind.Quote, parent, SpoilerTag.Clean), new Block(1, BlockKind.Paragraph, Sentence(Plain, 8), SpoilerTag.Clean)]),
            new Comment("c3", null, "Other", null, [new Block(0, BlockKind.Paragraph, Sentence(Plain, 8), SpoilerTag.Clean)]),
        ];
    }

    private BlockKind Kind() => _random.Next(5) switch { 0 => BlockKind.Quote, 1 => BlockKind.ListItem, _ => BlockKind.Paragraph };

    private string Sentence(string[] words, int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => words[_random.Next(words.Length)])) + ".";

    /// <summary>Made-up words ("zorvek kalm ...") that no visible block or fixed string can contain.</summary>
    private string SecretSentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => SecretWord()));

    private string SecretWord()
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var chars = new char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 2 == 0 ? consonants[_random.Next(consonants.Length)] : vowels[_random.Next(vowels.Length)];
        }

        return "q" + new string(chars);
    }
}
