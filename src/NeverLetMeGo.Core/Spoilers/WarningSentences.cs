using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// A warning sentence that also tells ("Spoiler alert: the stranger is her son.", "The stranger is her son, spoiler
/// alert.") is two sentences to the tagger: the warning, which is never hidden, and what it says beside the warning,
/// which is read like any other sentence. Whole, the warning's protection would show the reveal to every reader.
/// </summary>
internal static class WarningSentences
{
    // What is said beside a warning counts from three words: "Spoilers ahead, obviously." stays one warning.
    private const int PayloadWords = 3;

    /// <summary>The sentences of a block with every warning sentence's payload split off into sentences of its own.</summary>
    public static IReadOnlyList<TextSpan> Split(string text, IReadOnlyList<TextSpan> sentences)
    {
        List<TextSpan>? split = null;
        for (var i = 0; i < sentences.Count; i++)
        {
            var parts = Parts(text, sentences[i]);
            if (parts is null)
            {
                split?.Add(sentences[i]);
                continue;
            }

            split ??= [.. sentences.Take(i)];
            split.AddRange(parts);
        }

        return split ?? sentences;
    }

    private static List<TextSpan>? Parts(string text, TextSpan sentence)
    {
        var span = text.AsSpan(sentence.Start, sentence.Length);
        if (!WarningPatterns.MightWarn(span) || WarningPatterns.Classify(span.ToString()) is not { } warning)
            return null;
        var warningStart = sentence.Start + warning.Start;
        var warningEnd = sentence.Start + warning.End;
        var before = Trim(text, sentence.Start, warningStart);
        var after = Trim(text, warningEnd, sentence.End);
        var tellsBefore = WordCount.Of(text.AsSpan(before.Start, before.Length)) >= PayloadWords;
        // A payload that is itself a warning ("…: if you haven't seen it, stop here") is part of the warning.
        var tellsAfter = WordCount.Of(text.AsSpan(after.Start, after.Length)) >= PayloadWords && WarningPatterns.Classify(text[after.Start..after.End]) is null;
        if (!tellsBefore && !tellsAfter)
            return null;

        var parts = new List<TextSpan>(3);
        var start = sentence.Start;
        if (tellsBefore)
        {
            parts.Add(before);
            start = warningStart;
        }

        if (tellsAfter)
        {
            parts.Add(new TextSpan(start, warningEnd));
            parts.Add(new TextSpan(after.Start, sentence.End));
        }
        else
        {
            parts.Add(new TextSpan(start, sentence.End));
        }

        return parts;
    }

    // The stretch without the spaces and joining punctuation at its ends ("Spoiler alert, | the stranger…").
    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || IsJoin(text[start])))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return new TextSpan(start, end);
    }

    private static bool IsJoin(char c) => c is ',' or ':' or ';' or '-' or '\u2013' or '\u2014' or '!' or '.' or ')' or ']';
}
