using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Tests;

public sealed class SentenceSplitterTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "One sentence without a full stop", ["One sentence without a full stop"] },
        { "Kathy is a carer. Tommy is a donor.", ["Kathy is a carer.", "Tommy is a donor."] },
        { "Is it a clone? Yes! It is.", ["Is it a clone?", "Yes!", "It is."] },
        { "Directed by John C. Reilly's friend. Then more.", ["Directed by John C. Reilly's friend.", "Then more."] },
        { "Dr. Jekyll and Mr. Hyde meet St. John in the U.S. today. Fine.", ["Dr. Jekyll and Mr. Hyde meet St. John in the U.S. today.", "Fine."] },
        { "Films, e.g. Moon, do this. Others don't.", ["Films, e.g. Moon, do this.", "Others don't."] },
        { "He waited... and waited. Then it ended.", ["He waited... and waited.", "Then it ended."] },
        { "He waited… Nobody came.", ["He waited…", "Nobody came."] },
        { "She said, \"I know.\" Then she left.", ["She said, \"I know.\"", "Then she left."] },
        { "“We complete.” It is a euphemism.", ["“We complete.”", "It is a euphemism."] },
        { "It premiered in 2010. 3/4 stars.", ["It premiered in 2010.", "3/4 stars."] },
        { "  Leading and trailing space.  ", ["Leading and trailing space."] },
        { "version 2.5 of the cut is longer.", ["version 2.5 of the cut is longer."] },
        { "", [] },
        // Scripts without capitals: a sentence after one opens with a letter that is neither upper nor lower case.
        { "كاثي ممرضة. تومي متبرع.", ["كاثي ممرضة.", "تومي متبرع."] },
        { "קתי היא מטפלת. טומי תורם?", ["קתי היא מטפלת.", "טומי תורם?"] },
        { "هل هو مستنسخ؟ نعم.", ["هل هو مستنسخ؟", "نعم."] },
        // Chinese and Japanese end a sentence with full-width marks and write no space after them.
        { "凯西是护理员。汤米是捐献者！真的吗？是的。", ["凯西是护理员。", "汤米是捐献者！", "真的吗？", "是的。"] },
        { "「提供」という言葉。静かな映画だ。", ["「提供」という言葉。", "静かな映画だ。"] },
        // Lower case still never opens one.
        { "He waited. and then more.", ["He waited. and then more."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_into_sentences(string text, string[] expected)
    {
        var spans = SentenceSplitter.Split(text);

        Assert.Equal(expected, spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Spans_are_ordered_and_do_not_overlap()
    {
        const string text = "A. B c. D? E! “F.” G… H";

        var spans = SentenceSplitter.Split(text);

        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.First.End < p.Second.Start));
        Assert.All(spans, s => Assert.True(s.Length > 0));
    }
}
