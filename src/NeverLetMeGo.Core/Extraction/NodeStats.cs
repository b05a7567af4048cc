namespace NeverLetMeGo.Core.Extraction;

/// <summary>What the cleaning pass learned about one element that survived it.</summary>
internal sealed class NodeStats
{
    /// <summary>Visible non-whitespace characters inside the element.</summary>
    public int TextLength;

    /// <summary>The part of <see cref="TextLength"/> inside links.</summary>
    public int LinkLength;

    public int Commas;

    /// <summary>Text directly in the element or in its inline children: what it would show as one paragraph.</summary>
    public int InlineText;

    /// <summary>The part of <see cref="InlineText"/> inside links.</summary>
    public int InlineLinks;

    /// <summary>Paragraph-like descendants with real text.</summary>
    public int Paragraphs;

    /// <summary>The text of those paragraphs (the element's own included): how much of the page's prose it holds.</summary>
    public int ProseText;

    /// <summary>The element or a descendant is an article, main or a content-hinted container.</summary>
    public bool HoldsContent;

    /// <summary>The element itself is an article, main or a content-hinted container.</summary>
    public bool Marked;

    /// <summary>The element holds a title: a heading with text, or a block whose text is all link.</summary>
    public bool Titled;

    /// <summary>The element's own paragraph score (0 unless it reads as a paragraph).</summary>
    public double Own;

    /// <summary>Sum of the children's, grandchildren's and great-grandchildren's paragraph scores.</summary>
    public double Down1, Down2, Down3;

    public double Weight;

    /// <summary>A table or list of the analyzer holds this object; otherwise it may be reused for another element.</summary>
    public bool Kept;

    /// <summary>Back to the state of a new object, for reuse.</summary>
    public NodeStats Reset()
    {
        TextLength = LinkLength = Commas = InlineText = InlineLinks = Paragraphs = ProseText = 0;
        HoldsContent = Marked = Titled = Kept = false;
        Own = Down1 = Down2 = Down3 = Weight = 0;
        return this;
    }

    public double ContentScore => Weight + Down1 + (Down2 / 2) + (Down3 / 3);

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;

    public double FinalScore => ContentScore * (1 - LinkDensity);
}
