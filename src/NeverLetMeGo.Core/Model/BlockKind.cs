namespace NeverLetMeGo.Core.Model;

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
}
