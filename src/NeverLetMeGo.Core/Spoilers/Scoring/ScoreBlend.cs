using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// How a sentence's spoiler chance is put together: the encoder heads read its meaning, the n-gram model adds the words
/// and places it has learned (warnings, the work's own vocabulary), and the text around it leans on it. The weights were
/// chosen on the measurement set with works held out (bench/README.md, Spoilers): every part measurably adds there.
/// </summary>
internal static class ScoreBlend
{
    /// <summary>Share of the n-gram model's log-odds added to the encoder's.</summary>
    public const double NgramWeight = 0.5;

    // Spoilers come in runs: a sentence leans towards its neighbours, never downwards, because one sentence can give the
    // twist away in a review of opinions. Leaning on the whole text as well measured no better on the sample pages' plain
    // paragraphs and hid more of them (bench/README.md, Spoilers).
    private const double NeighbourWeight = 0.25;

    /// <summary>Spoiler chance at or above which a sentence is tagged.</summary>
    public const double Threshold = 0.5;

    /// <summary>
    /// Below this a sentence reveals nothing with confidence: inside a region the author warned about, a paragraph stays
    /// readable only when all its sentences are below it. Chosen on the measurement set so that 95% of its spoilers, each
    /// read alone, score at or above it: `nlmg spoilers eval` prints the share below it and the highest threshold the rule
    /// allows (0.113 for the shipped model, pooled; bench/README.md, Spoilers). It moves with every retraining: 0.3 held for
    /// the model of 2026-12-06 and no longer did for its successor (13% of the spoilers below it).
    /// </summary>
    public const double ConfidentlyClean = 0.11;

    /// <summary>
    /// In a paragraph the model hides, another sentence shows sentence by sentence only below this. Not the warned
    /// region's threshold: the paragraph's reveal is the model's own reading of one sentence, not a rule over the whole
    /// paragraph, and at 0.11 nearly every sentence beside a reveal would hide ("Welles was twenty-five." beside the
    /// sled's name). 0.3 kept the samples' sentences beside a reveal hidden where they carry it on.
    /// </summary>
    public const double ShownBesideAReveal = 0.3;

    public static SpoilerLevel LevelOf(double spoiler, double major) =>
        spoiler < Threshold ? SpoilerLevel.None : major >= 0.5 ? SpoilerLevel.Major : SpoilerLevel.Premise;

    public static double Combine(double encoderLogit, double ngramSpoiler) =>
        Sigmoid(encoderLogit + NgramWeight * Logit(ngramSpoiler));

    /// <summary>The chances of a text's sentences in reading order, each leaned on by its neighbours.</summary>
    public static double[] InContext(double[] p)
    {
        var q = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var neighbours = 0.0;
            var n = 0;
            if (i > 0)
            {
                neighbours += p[i - 1];
                n++;
            }

            if (i + 1 < p.Length)
            {
                neighbours += p[i + 1];
                n++;
            }

            q[i] = n == 0 ? p[i] : Math.Max(p[i], (1 - NeighbourWeight) * p[i] + NeighbourWeight * neighbours / n);
        }

        return q;
    }

    private static double Logit(double p)
    {
        var c = Math.Clamp(p, 1e-5, 1 - 1e-5);
        return Math.Log(c / (1 - c));
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
