using System.Text;

namespace NeverLetMeGo.Core.Text;

/// <summary>
/// Answers UTF-7 labels with UTF-8, as browsers do (WHATWG Encoding dropped UTF-7: it smuggles markup past filters).
/// .NET throws NotSupportedException for UTF-7, which HTML parsers reading a meta charset do not expect; registered
/// process-wide, this provider is consulted before that throw, so a page declaring UTF-7 is read like any UTF-8 page.
/// </summary>
internal sealed class Utf7AsUtf8 : EncodingProvider
{
    public static Utf7AsUtf8 Instance { get; } = new();

    private const int Utf7CodePage = 65000;

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "utf-7", "utf7", "csunicode11utf7", "unicode-1-1-utf-7", "unicode-2-0-utf-7", "x-unicode-1-1-utf-7", "x-unicode-2-0-utf-7",
    };

    public override Encoding? GetEncoding(int codepage) => codepage == Utf7CodePage ? new UTF8Encoding(false) : null;

    public override Encoding? GetEncoding(string name) => Labels.Contains(name.Trim()) ? new UTF8Encoding(false) : null;
}
