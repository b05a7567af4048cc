using System.Globalization;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Ratings;

/// <summary>
/// The review's own rating: schema.org reviewRating first, then the strongest rating in the article's text (a block that
/// is mostly the rating beats a labelled one, which beats one with context nearby); ties go to the later block, because
/// verdicts close reviews. Quotes are skipped: they quote other critics. Comments are never searched.
/// </summary>
internal static class RatingFinder
{
    public static Rating? Find(JsonLdRating? structured, IReadOnlyList<SourceBlock> blocks)
    {
        var written = FromText(blocks);
        if (structured is null)
        {
            return written;
        }

        var range = structured.Best - structured.Worst;
        var normalized = Math.Round((structured.Value - structured.Worst) / range * 100, 1, MidpointRounding.AwayFromZero);
        if (written is not null && written.Value == structured.Value && written.Normalized == normalized)
        {
            // The same verdict: keep it as the reader sees it ("3/4 stars") rather than as the markup encodes it.
            return written;
        }

        var raw = $"{structured.RatingValue}/{structured.Best.ToString(CultureInfo.InvariantCulture)}";
        return new Rating(raw, structured.Value, structured.Best, normalized);
    }

    private static Rating? FromText(IReadOnlyList<SourceBlock> blocks)
    {
        Rating? best = null;
        var bestStrength = 0;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Quote || RatingParser.Find(block.Text) is not { } found || found.Strength < bestStrength)
            {
                continue;
            }

            best = found.Rating;
            bestStrength = found.Strength;
        }

        return best;
    }
}
