using System.Text;
using System.Text.Encodings.Web;
using NeverLetMeGo.Data.Search;

namespace NeverLetMeGo.Api.Search;

/// <summary>ts_headline output (matches between control-character marks) as plain text, and as escaped HTML with &lt;mark&gt;.</summary>
internal static class Snippets
{
    public static string Plain(string marked) => marked.Replace(SearchQueries.StartMark.ToString(), "", StringComparison.Ordinal)
        .Replace(SearchQueries.StopMark.ToString(), "", StringComparison.Ordinal);

    public static string Html(string marked)
    {
        var parts = marked.Split(SearchQueries.StartMark);
        var html = new StringBuilder(HtmlEncoder.Default.Encode(Plain(parts[0])));
        foreach (var part in parts.Skip(1))
        {
            var stop = part.IndexOf(SearchQueries.StopMark, StringComparison.Ordinal);
            var (match, rest) = stop < 0 ? (part, "") : (part[..stop], part[(stop + 1)..]);
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(match)).Append("</mark>").Append(HtmlEncoder.Default.Encode(Plain(rest)));
        }

        return html.ToString();
    }
}
