using System.Text;
using System.Text.Unicode;

namespace NeverLetMeGo.Core.Text;

/// <summary>
/// Text of a page saved to disk. A saved page often keeps the meta charset of the site it came from while the file was
/// written as UTF-8 (a browser's "save as", benchmark sets): non-ASCII bytes that form valid UTF-8 are read as UTF-8,
/// since text in a legacy encoding practically never does. Anything else is decoded as a fetched page would be.
/// </summary>
public static class SavedPage
{
    public static string Decode(byte[] bytes)
    {
        var body = bytes.AsSpan();
        if (!Ascii.IsValid(body) && Utf8.IsValid(body) && !HasByteOrderMark(body))
            return Encoding.UTF8.GetString(body);
        return HtmlDecoder.Decode(body, headerCharset: null).Html;
    }

    // A byte order mark decides on its own, and UTF-16's are not valid UTF-8 anyway; UTF-8's is left to the decoder to strip.
    private static bool HasByteOrderMark(ReadOnlySpan<byte> body) => body is [0xEF, 0xBB, 0xBF, ..];
}
