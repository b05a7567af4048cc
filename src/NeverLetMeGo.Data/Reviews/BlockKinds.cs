using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>The kind column holds the JSON spelling of <see cref="BlockKind"/> (a check constraint lists them).</summary>
public static class BlockKinds
{
    public static string ToColumn(BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.Paragraph => "paragraph",
        BlockKind.ListItem => "listItem",
        BlockKind.Quote => "quote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown block kind."),
    };

    public static BlockKind FromColumn(string kind) => kind switch
    {
        "heading" => BlockKind.Heading,
        "paragraph" => BlockKind.Paragraph,
        "listItem" => BlockKind.ListItem,
        "quote" => BlockKind.Quote,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown block kind."),
    };
}
