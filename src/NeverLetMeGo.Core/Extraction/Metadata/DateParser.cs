using System.Globalization;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Reads publication times from machine formats (ISO 8601 in attributes and JSON-LD) and from the way blogs and forums
/// print them ("January 5, 2011 at 3:15 pm", "Monday, 5 January 2011", "14 mars 2022", "14. März 2022", "1/5/2011 3:15 PM",
/// "14.03.2022, 19:45"). Times without a zone are taken as UTC: the page gives nothing better, and Core has no clock or
/// locale to guess from.
/// </summary>
/// <remarks>
/// All-number dates follow the separator, never the values: "/" and "-" are month first as US forums print them
/// ("03-04-2022" is March 4, "14-03-2022" is no date), "." is day first as European sites print it ("03.04.2022" is
/// April 3), and a leading four-digit year is always year-month-day ("2022/03/14"). Reading "14-03-2022" as day first
/// because 14 cannot be a month would read the same site's "03-04-2022" the other way round.
/// </remarks>
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
        if (!match.Success)
        {
            match = NumericDayFirst().Match(text);
        }

        if (!match.Success)
        {
            match = NumericYearFirst().Match(text);
        }

        return match.Success
            ? Build(match.Groups["year"].Value, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), match.Groups["day"].Value, match)
            : null;
    }

    /// <summary>
    /// A date printed without its year ("November 2 at 12:14 pm", "Friday, November 2"), read as the first such day on or
    /// after <paramref name="after"/>: a comment under a post is written after the post, so the year is the post's, or
    /// the next one when the day falls before the post's. The whole text must be the date (a weekday and "on" allowed).
    /// </summary>
    public static DateTimeOffset? ParseWithoutYear(string? text, DateTimeOffset after)
    {
        var match = text is null ? Match.Empty : YearlessMonthFirst().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var month = MonthNumber(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = after.Year;
        if (month < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        // Build checks the day again for the next year (a 29 February may not be in it).
        var nextYear = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) < after.Date;
        return Build((nextYear ? year + 1 : year).ToString(CultureInfo.InvariantCulture), month, match.Groups["day"].Value, match);
    }

    private static int MonthNumber(string name)
    {
        var lower = name.ToLowerInvariant();
        return MonthNames.All.TryGetValue(lower, out var month) ? month : Array.IndexOf(Months, lower[..3]) + 1;
    }

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

    // English names and abbreviations, then the names in MonthNames (a test checks every one of those is matched here).
    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
        + @"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
        + @"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|setiembre|septiembre|octubre|noviembre|diciembre"
        + @"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
        + @"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
        + @"|januar|j[äa]nner|februar|m[äa]rz|maerz|april|juni|juli|august|september|oktober|dezember)\.?";

    // "at 3:15 pm", "à 19h45", "a las 19:45", "às 19:45", "alle 19:45", "um 19:45 Uhr".
    private const string Time = @"(?:\s*(?:at|@|,|-|\u2013|à|às|a\s+las|alle|um)?\s*(?<hour>\d{1,2})[:h](?<minute>\d{2})(?::\d{2})?\s*(?<ampm>[ap]\.?m\.?)?)?";

    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirst();

    // "On Friday, November 2 at 12:14 pm": the whole line, English month first, no year anywhere.
    [GeneratedRegex(@"^\s*(?:on\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?" + Time + @"\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex YearlessMonthFirst();

    // "5th of January 2011", "14 mars 2022", "1er mars 2022", "14. März 2022", "14 de marzo de 2022".
    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?" + Month + @",?\s+(?:de\s+)?(?<year>\d{4})" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex DayFirst();

    // US order, as English-language blogs and forums print it ("1/5/2011", "03-14-2022"); a two-digit year only with "/".
    [GeneratedRegex(@"\b(?<month>\d{1,2})(?:/(?<day>\d{1,2})/(?<year>\d{4}|\d{2})|-(?<day>\d{1,2})-(?<year>\d{4}))\b" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex Numeric();

    // European order with dots ("14.03.2022"); a four-digit year only, since "10.11.12" is as often a version number.
    [GeneratedRegex(@"\b(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})\b" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex NumericDayFirst();

    // "2022/03/14", "2022.03.14": a leading year is followed by the month in every convention.
    [GeneratedRegex(@"\b(?<year>\d{4})([/.])(?<month>\d{1,2})\1(?<day>\d{1,2})\b" + Time, RegexOptions.IgnoreCase)]
    private static partial Regex NumericYearFirst();
}
