namespace NeverLetMeGo.Core.Text;

/// <summary>How many words a stretch of text holds: runs of letters and digits, whatever stands between them.</summary>
public static class WordCount
{
    public static int Of(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
                words++;
            inWord = letter;
        }

        return words;
    }
}
