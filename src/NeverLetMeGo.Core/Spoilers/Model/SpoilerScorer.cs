namespace NeverLetMeGo.Core.Spoilers.Model;

/// <summary>Scores a batch of sentences with a model: what `nlmg spoilers score` and `eval` run. Never sees labels.</summary>
public static class SpoilerScorer
{
    public static IReadOnlyList<SentenceScore> Score(SpoilerModel model, IReadOnlyList<SentenceInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var batch = SentenceBatch.Prepare(inputs, model.Background);
        var featurizer = Featurizer.ForThread;
        var spoiler = new double[inputs.Count];
        var major = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var text = inputs[i].Text;
            featurizer.Featurize(text, 0, text.Length, batch.Contexts[i], batch.Vocabularies[i]);
            (spoiler[i], major[i]) = model.Score(featurizer, batch.Contexts[i]);
        }

        foreach (var review in batch.Reviews)
        {
            var smoothed = ContextSmoothing.Apply(review.Select(i => spoiler[i]).ToArray());
            for (var k = 0; k < review.Length; k++)
                spoiler[review[k]] = smoothed[k];
        }

        var scores = new SentenceScore[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
            scores[i] = new SentenceScore(inputs[i].Id, spoiler[i], spoiler[i] * major[i], model.LevelOf(spoiler[i], major[i]));
        return scores;
    }
}
