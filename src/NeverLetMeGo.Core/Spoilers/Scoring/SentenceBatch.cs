namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// What a batch of sentences knows about itself without labels: each sentence's place in its review and its work's
/// vocabulary, built from the texts of every sentence of that work in the batch (as the service builds it from the
/// stored reviews of a work). Training and scoring both prepare batches here.
/// </summary>
internal sealed class SentenceBatch
{
    private SentenceBatch(SentenceContext[] contexts, WorkVocabulary[] vocabularies, int[][] texts, WorkVocabularyBuilder builder)
    {
        Contexts = contexts;
        Vocabularies = vocabularies;
        Texts = texts;
        Builder = builder;
    }

    public SentenceContext[] Contexts { get; }
    public WorkVocabulary[] Vocabularies { get; }

    /// <summary>
    /// Indices of the sentences of each text, in reading order, for context: each known review, and the lines of a work
    /// that name no review, in the order they came.
    /// </summary>
    public int[][] Texts { get; }

    public WorkVocabularyBuilder Builder { get; }

    public static SentenceBatch Prepare(IReadOnlyList<SentenceInput> inputs, BackgroundCounts? background)
    {
        var builder = new WorkVocabularyBuilder(background);
        var works = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var reviews = new Dictionary<(string, string), List<int>>();
        var loose = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!works.TryGetValue(input.WorkId, out var members))
                works[input.WorkId] = members = [];
            members.Add(i);
            if (input.ReviewId is { } review)
            {
                if (!reviews.TryGetValue((input.WorkId, review), out var sentences))
                    reviews[(input.WorkId, review)] = sentences = [];
                sentences.Add(i);
            }
            else
            {
                if (!loose.TryGetValue(input.WorkId, out var lines))
                    loose[input.WorkId] = lines = [];
                lines.Add(i);
            }
        }

        var vocabularies = new WorkVocabulary[inputs.Count];
        foreach (var (work, members) in works)
            builder.AddWork(work, members.Select(i => inputs[i].Text));
        foreach (var (work, members) in works)
        {
            var vocabulary = builder.Build(work);
            foreach (var i in members)
                vocabularies[i] = vocabulary;
        }

        var contexts = new SentenceContext[inputs.Count];
        Array.Fill(contexts, SentenceContext.Unknown);
        foreach (var members in reviews.Values)
        {
            var own = SentenceContext.For(members.Select(i => inputs[i].Text).ToArray());
            for (var k = 0; k < members.Count; k++)
                contexts[members[k]] = own[k];
        }

        var texts = reviews.Values.Concat(loose.Values).Select(r => r.ToArray()).ToArray();
        return new SentenceBatch(contexts, vocabularies, texts, builder);
    }
}
