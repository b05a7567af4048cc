using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core;

public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 over everything stored for the review (metadata, blocks with tags, comments), so any change is seen.</summary>
    public static string Compute(Review review) => throw new NotImplementedException(review.Url);
}
