namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>Precision, recall and F1 at one threshold.</summary>
public sealed record OperatingPoint(double Threshold, double Precision, double Recall, double F1);

/// <summary>How well scores rank spoilers above other sentences: ROC AUC, average precision and two operating points.</summary>
public sealed record SpoilerMetrics(int Count, int Positives, double RocAuc, double AveragePrecision, OperatingPoint BestF1, OperatingPoint AtRecall90)
{
    public static SpoilerMetrics Compute(IReadOnlyList<(double Score, bool Spoiler)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sorted = items.OrderByDescending(i => i.Score).ToArray();
        var positives = sorted.Count(i => i.Spoiler);
        var negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("metrics need both spoiler and non-spoiler sentences", nameof(items));

        double auc = 0, ap = 0;
        var tp = 0;
        var fp = 0;
        var best = new OperatingPoint(1, 0, 0, 0);
        OperatingPoint? at90 = null;
        for (var i = 0; i < sorted.Length;)
        {
            // Ties move together: one threshold, one step of the curves.
            var score = sorted[i].Score;
            int groupTp = 0, groupFp = 0;
            for (; i < sorted.Length && sorted[i].Score == score; i++)
            {
                if (sorted[i].Spoiler)
                    groupTp++;
                else
                    groupFp++;
            }

            auc += groupFp * (tp + groupTp / 2.0);
            tp += groupTp;
            fp += groupFp;
            var precision = tp / (double)(tp + fp);
            var recall = tp / (double)positives;
            ap += groupTp / (double)positives * precision;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best.F1)
                best = new OperatingPoint(score, precision, recall, f1);
            if (at90 is null && recall >= 0.9)
                at90 = new OperatingPoint(score, precision, recall, f1);
        }

        return new SpoilerMetrics(sorted.Length, positives, auc / ((double)positives * negatives), ap, best, at90!);
    }
}
