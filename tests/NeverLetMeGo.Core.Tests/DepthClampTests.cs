using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Tests;

/// <summary>The flattening the loader falls back to when a page nests past the parser's limit (see HostileInputTests).</summary>
public sealed class DepthClampTests
{
    [Fact]
    public void Start_tags_below_the_limit_and_their_end_tags_are_dropped_and_the_text_kept()
    {
        Assert.Equal("<b><i>one two three</i></b>", DepthClamp.Flatten("<b><i><u>one <s>two</s> three</u></i></b>", limit: 2));
    }

    [Fact]
    public void Markup_inside_scripts_comments_and_attribute_values_is_not_counted()
    {
        const string html = "<div><script>var s = '<div><div><div>';</script><!-- <div><div> --><p title=\"a > <div>\">text</p></div>";

        Assert.Equal(html, DepthClamp.Flatten(html, limit: 2));
    }

    [Fact]
    public void Void_elements_paragraphs_and_list_items_do_not_nest()
    {
        const string html = "<ul><li>one<br><li>two<img src=x><li>three<p>a<p>b<p>c</ul>";

        Assert.Equal(html, DepthClamp.Flatten(html, limit: 3));
    }
}
