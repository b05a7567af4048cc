using System.Globalization;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Reads publication times from machine formats (ISO 8601 in attributes and JSON-LD) and from the way blogs print them
/// ("January 5, 2011 at 3:15 pm", "Monday, 5 January 2011", "1/5/2011 3:15 PM"). Times without a zone are taken as UTC:
/// the page gives nothing better, and Core has no clock or locale to guess from.
/// </summary>
internal static partial class DateParser
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return ParseIso(trimmed) ?? ParseWritten(trimmed);
    }

    /// <summary>ISO 8601 and close relatives ("2011-01-10T10:02:44-05:00", "2011-01-10", "2011-01-10 10:02").</summary>
    public static DateTimeOffset? ParseIso(string text)
    {
        var match = IsoDate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return DateTimeOffset.TryParse(match.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : null;
    }

    private static DateTimeOffset? ParseWritten(string text)
    {
        var match = MonthFirst().Match(text);
        if (match.Success)
        {
            return Build(match.Groups["year"].Value, MonthNumber(match.Groups["month"].Value), match.Groups["day"].Value, match);
        }

        match = DayFirst().Match(text);
        if (match.Success)
        {
            return Build(match.Groups["year"].Value, MonthNumber(match.Groups["month"].Value), match.Groups["day"].Value, match);
        }

        match = Numeric().Match(text);
        return match.Success
            ? Build(match.Groups["year"].Value, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), match.Groups["day"].Value, match)
            : null;
    }

    private static int MonthNumber(string name) =>
        Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;

    private static DateTimeOffset? Build(string yearText, int month, string dayText, Match match)
    {
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            year += year < 70 ? 2000 : 1900;
        }

        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year is < 1900 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var hour = 0;
        var minute = 0;
        if (match.Groups["hour"].Success)
        {
            hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var meridiem = match.Groups["ampm"].Value.ToLowerInvariant();
            if (meridiem.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }

            if (hour > 23 || minute > 59)
            {
                hour = minute = 0;
            }
        }

        return new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")]
    private static partial Regex IsoDate();

    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Time = @"(?:\s*(?:at|@|,|-|\u2013)?\s*(?<hour>\d{1,2}):(?<minute>\d{2})(?::\d{2})?\s*(?<ampm>[ap]\.?m\.?)?)?";

    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<year>\d{4})" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex DayFirst();

    // US order, as English-language blogs print it.
    [GeneratedRegex(@"\b(?<month>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4}|\d{2})\b" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex Numeric();
}
