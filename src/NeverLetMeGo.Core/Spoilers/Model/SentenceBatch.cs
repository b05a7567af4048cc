namespace NeverLetMeGo.Core.Spoilers.Model;

/// <summary>
/// What a batch of sentences knows about itself without labels: each sentence's place in its review and its work's
/// vocabulary, built from the texts of every sentence of that work in the batch (as the service builds it from the
/// stored reviews of a work). Training and scoring both prepare batches here.
/// </summary>
internal sealed class SentenceBatch
{
    private SentenceBatch(SentenceContext[] contexts, WorkVocabulary[] vocabularies, int[][] reviews, WorkVocabularyBuilder builder)
    {
        Contexts = contexts;
        Vocabularies = vocabularies;
        Reviews = reviews;
        Builder = builder;
    }

    public SentenceContext[] Contexts { get; }
    public WorkVocabulary[] Vocabularies { get; }

    /// <summary>Indices of the sentences of each known review, in reading order (for smoothing).</summary>
    public int[][] Reviews { get; }

    public WorkVocabularyBuilder Builder { get; }

    public static SentenceBatch Prepare(IReadOnlyList<SentenceInput> inputs, BackgroundCounts? background)
    {
        var builder = new WorkVocabularyBuilder(background);
        var works = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var reviews = new Dictionary<(string, string), List<int>>();
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

        return new SentenceBatch(contexts, vocabularies, reviews.Values.Select(r => r.ToArray()).ToArray(), builder);
    }
}

/// <summary>
/// Spoilers come in runs: each sentence's probability leans a little towards its neighbours' when they are higher. Never
/// lower: one sentence can give the twist away in a review of opinions, and plain neighbours do not make it safer.
/// </summary>
internal static class ContextSmoothing
{
    private const double Own = 0.75;

    public static double[] Apply(double[] p)
    {
        var count = p.Length;
        var q = new double[count];
        for (var i = 0; i < count; i++)
        {
            var neighbours = 0.0;
            var n = 0;
            if (i > 0)
            {
                neighbours += p[i - 1];
                n++;
            }

            if (i + 1 < count)
            {
                neighbours += p[i + 1];
                n++;
            }

            q[i] = n == 0 ? p[i] : Math.Max(p[i], Own * p[i] + (1 - Own) * neighbours / n);
        }

        return q;
    }
}
