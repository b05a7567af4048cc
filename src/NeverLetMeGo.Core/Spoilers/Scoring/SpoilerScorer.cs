namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>Scores a batch of sentences with a model: what `nlmg spoilers score` and `eval` run. Never sees labels.</summary>
public static class SpoilerScorer
{
    /// <summary>
    /// Inside an author's warned region a paragraph stays readable only when every sentence's <see cref="SentenceScore.Own"/>
    /// is below this (`nlmg spoilers eval` prints how many labelled spoilers fall below it).
    /// </summary>
    public const double ConfidentlyClean = ScoreBlend.ConfidentlyClean;

    public static IReadOnlyList<SentenceScore> Score(SpoilerModel model, IReadOnlyList<SentenceInput> inputs) =>
        Score(model, MeaningReader.Shipped, inputs);

    /// <summary>
    /// As <see cref="Score(SpoilerModel, IReadOnlyList{SentenceInput})"/> with these heads (null: the n-gram model alone).
    /// A review's sentences are one text; lines without a review are read as one text per work, in file order.
    /// </summary>
    public static IReadOnlyList<SentenceScore> Score(SpoilerModel model, MeaningReader? meaning, IReadOnlyList<SentenceInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var batch = SentenceBatch.Prepare(inputs, model.Background);
        var featurizer = Featurizer.ForThread;
        var spoiler = new double[inputs.Count];
        var major = new double[inputs.Count];
        var unwarned = new double[inputs.Count];
        var own = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var text = inputs[i].Text;
            (spoiler[i], major[i], unwarned[i]) = model.Read(featurizer, text, 0, text.Length, batch.Contexts[i], batch.Vocabularies[i]);
        }

        // One call encodes every sentence: its batches fill both cores, where text by text they would not.
        var vectors = meaning?.Encoder.Encode(inputs.Select(s => s.Text).ToArray());
        foreach (var text in batch.Texts)
        {
            // As the tagger reads them: the chance read alone as if no warning came before (the warned region's confidence).
            var (read, majors, alone) = SentenceChances.Read(
                text.Select(i => inputs[i].Text).ToArray(), text.Select(i => spoiler[i]).ToArray(), text.Select(i => major[i]).ToArray(), meaning,
                vectors: vectors is null ? null : text.Select(i => vectors[i]).ToArray(), ngramUnwarned: text.Select(i => unwarned[i]).ToArray());
            for (var k = 0; k < text.Length; k++)
            {
                spoiler[text[k]] = read[k];
                major[text[k]] = majors[k];
                own[text[k]] = alone[k];
            }
        }

        var scores = new SentenceScore[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
            scores[i] = new SentenceScore(inputs[i].Id, spoiler[i], spoiler[i] * major[i], ScoreBlend.LevelOf(spoiler[i], major[i]), own[i]);
        return scores;
    }
}
