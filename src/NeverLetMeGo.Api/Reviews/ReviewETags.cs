using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// The strong ETag of a review's representation, from what decides its bytes: the stored version, the reader's options
/// and this build. Computing it needs one primary-key read, so a revalidation answers 304 without loading the blocks.
/// </summary>
internal static class ReviewETags
{
    public static EntityTagHeaderValue For(long id, ReviewVersion v, ReadOptions options, bool html)
    {
        // Strings are length-prefixed, so no title can make two different versions read alike.
        var key = string.Create(CultureInfo.InvariantCulture,
            $"review|{ETags.Build}|{id}|{v.ContentHash}|{v.UpdatedAt.UtcTicks}|{v.FetchedAt.UtcTicks}|{v.WorkTitle.Length}:{v.WorkTitle}|{v.SiteName?.Length}:{v.SiteName}|{v.SiteHost.Length}:{v.SiteHost}|{options.Tolerance}|{options.Mask}|{(html ? "html" : "json")}");
        return ETags.Tag(Encoding.UTF8.GetBytes(key));
    }
}
