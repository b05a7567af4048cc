using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core.Tests;

public sealed class SpoilerKnowledgeTests
{
    private static ExtractedText Text(params string[] paragraphs) =>
        new(paragraphs.Select(p => new SourceBlock(BlockKind.Paragraph, p)).ToArray(), null);

    [Fact]
    public void An_operator_term_tags_only_the_sentence_that_mentions_it_and_says_why()
    {
        var knowledge = new WorkKnowledge(WorkVocabulary.Empty, [new SpoilerTerm("Rosebud", SpoilerLevel.Major)]);

        var blocks = SpoilerTagger.Default.Tag(Text("Welles was twenty-five. The sled is called Rosebud. Toland shot it."), knowledge);

        var block = blocks.Single();
        Assert.Equal(SpoilerLevel.Major, block.Spoiler.Level);
        Assert.Contains("mentions 'Rosebud', a major plot term for this work", block.Spoiler.Reasons);
        Assert.Equal([SpoilerLevel.None, SpoilerLevel.Major, SpoilerLevel.None], block.Sentences.Select(s => s.Level));
    }

    [Fact]
    public void A_vocabulary_kept_as_bytes_reads_back_the_same_weights_and_names_and_tags_the_same()
    {
        var samples = SamplePages.All.Select(name => ReviewPipeline.Extract(SamplePages.Read(name), SamplePages.FileUrl(name))).ToList();
        var built = WorkKnowledge.From(SamplePages.All.SelectMany(name => SamplePages.Review(name).Blocks.Select(b => b.Text)), []);

        var bytes = built.Vocabulary.ToBytes();
        var read = new WorkKnowledge(WorkVocabulary.FromBytes(bytes), []);

        Assert.True(built.Vocabulary.Count > 20);
        Assert.Equal(built.Vocabulary.Count, read.Vocabulary.Count);
        Assert.Equal(9 * built.Vocabulary.Count, bytes.Length);
        Assert.Equal(bytes, read.Vocabulary.ToBytes());
        foreach (var word in new[] { "Kathy", "Tommy", "Hailsham", "donations", "clones", "film" })
        {
            Assert.Equal(built.Vocabulary.WeightOf(word), read.Vocabulary.WeightOf(word));
            Assert.Equal(built.Vocabulary.IsNameOf(word), read.Vocabulary.IsNameOf(word));
        }

        foreach (var page in samples)
        {
            var once = ReviewPipeline.Tag(page, built).Blocks.Select(b => (b.Spoiler.Level, b.Spoiler.Score));
            var again = ReviewPipeline.Tag(page, read).Blocks.Select(b => (b.Spoiler.Level, b.Spoiler.Score));
            Assert.Equal(once, again);
        }
    }

    [Fact]
    public void Bytes_that_are_not_whole_entries_are_refused()
        => Assert.Throws<FormatException>(() => WorkVocabulary.FromBytes(new byte[10]));

    [Fact]
    public void Terms_match_whole_words_only_and_ignore_case()
    {
        var knowledge = new WorkKnowledge(WorkVocabulary.Empty, [new SpoilerTerm("Kane", SpoilerLevel.Premise)]);

        var blocks = SpoilerTagger.Default.Tag(Text("A hurricane hit the set.", "Everyone remembers KANE."), knowledge);

        Assert.Equal(SpoilerLevel.None, blocks[0].Spoiler.Level);
        Assert.Equal(SpoilerLevel.Premise, blocks[1].Spoiler.Level);
    }

    [Fact]
    public void A_warned_region_covers_every_sentence_of_its_blocks()
    {
        var blocks = SpoilerTagger.Default.Tag(Text("Spoilers ahead.", "Then the school closes for good. The score is lovely."));

        Assert.All(blocks[1].Sentences, s => Assert.Equal(SpoilerLevel.Major, s.Level));
        Assert.All(blocks[0].Sentences, s => Assert.Equal(SpoilerLevel.None, s.Level));
    }

    [Fact]
    public void A_warned_paragraph_the_model_is_confident_about_stays_readable_and_the_warning_sentence_is_never_hidden()
    {
        var blocks = SpoilerTagger.Default.Tag(Text("Spoilers ahead.", "The score is lovely. The cast is fine.", "Then the school closes for good."));

        Assert.Equal(SpoilerTag.Clean, blocks[1].Spoiler);
        Assert.Equal(SpoilerLevel.Major, blocks[2].Spoiler.Level);
        Assert.Equal(SpoilerLevel.None, Assert.Single(blocks[0].Sentences).Level);
    }

    [Fact]
    public void The_confidence_that_lifts_a_warned_region_is_the_sentence_s_chance_as_if_no_warning_came_before()
    {
        // The n-gram model learnt that sentences after a warning are often spoilers; the region rule already says so,
        // so the chance that can lift the region must not count the warning twice.
        const string sentence = "The idea that we can be conditioned by the people around us.";
        double OwnChance(string first)
        {
            var context = new TaggingContext(Text(first, sentence));
            new ContentModelSignal(SpoilerModel.Shipped!, MeaningReader.Shipped).Vote(context);
            return context.ChanceOf(1, 0)!.Value;
        }

        Assert.Equal(OwnChance("The weather was fine that week."), OwnChance("Spoilers ahead."), 6);
    }

    [Fact]
    public void The_model_tags_a_plain_reveal_and_leaves_opinion_alone()
    {
        var blocks = SpoilerTagger.Default.Tag(Text(
            "I loved the cinematography and the score is gorgeous.",
            "In the end Ruth dies on the operating table and Tommy is killed by his fourth donation."));

        Assert.Equal(SpoilerTag.Clean, blocks[0].Spoiler);
        Assert.Equal(SpoilerLevel.Major, blocks[1].Spoiler.Level);
        Assert.Matches(@"^model: (0\.\d\d|1\.00)$", blocks[1].Spoiler.Reasons.Single());
        Assert.Equal(blocks[1].Spoiler.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), blocks[1].Spoiler.Reasons.Single()["model: ".Length..]);
    }

    [Theory]
    [InlineData(0.914, "model: 0.91")]
    [InlineData(0.5, "model: 0.50")]
    [InlineData(0.996, "model: 1.00")]
    [InlineData(0.0, "model: 0.00")]
    public void The_model_reason_states_the_score_to_two_places(double score, string reason) =>
        Assert.Equal(reason, ContentModelSignal.Reason(score));

    [Fact]
    public void Work_names_are_words_capitalised_inside_the_works_sentences_and_never_lower_case()
    {
        var knowledge = WorkKnowledge.From(["Later Kathy drives to Norfolk.", "We think Kathy is brave.", "The hope is gone, and Hope stays."], []);

        Assert.True(knowledge.Vocabulary.IsNameOf("Kathy"));
        Assert.True(knowledge.Vocabulary.IsNameOf("norfolk"));
        Assert.False(knowledge.Vocabulary.IsNameOf("Hope"));
        Assert.False(knowledge.Vocabulary.IsNameOf("Later"));
    }

    [Fact]
    public void Work_vocabulary_weighs_words_frequent_in_one_work_and_rare_across_works()
    {
        var builder = new WorkVocabularyBuilder();
        builder.AddWork("kane", ["Kane buys papers. Kane builds Xanadu. The film is long.", "Xanadu is huge. Kane dies. The film is old."]);
        builder.AddWork("jaws", ["The shark eats Quint. The film is loud.", "The shark explodes. The film is a classic."]);

        var kane = builder.Build("kane");

        Assert.True(kane.WeightOf("Xanadu") > 0);
        Assert.True(kane.WeightOf("kane") > kane.WeightOf("Xanadu"));
        Assert.Equal(0, kane.WeightOf("film"));
        Assert.Equal(0, kane.WeightOf("shark"));
    }
}
