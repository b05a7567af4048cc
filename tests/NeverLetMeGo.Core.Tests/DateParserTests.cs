using System.Globalization;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("03-14-2022, 07:45 PM", "2022-03-14T19:45")]
    [InlineData("14.03.2022, 19:45", "2022-03-14T19:45")]
    [InlineData("2022-03-14 19:45", "2022-03-14T19:45")]
    [InlineData("2022/03/14", "2022-03-14T00:00")]
    [InlineData("Mar 14th 2022, 7:45pm", "2022-03-14T19:45")]
    [InlineData("14 mars 2022", "2022-03-14T00:00")]
    [InlineData("1er mars 2022 à 19h45", "2022-03-01T19:45")]
    [InlineData("le 14 février 2022", "2022-02-14T00:00")]
    [InlineData("14 de marzo de 2022", "2022-03-14T00:00")]
    [InlineData("14 de marzo de 2022 a las 19:45", "2022-03-14T19:45")]
    [InlineData("14 de março de 2022", "2022-03-14T00:00")]
    [InlineData("14 marzo 2022 alle 19:45", "2022-03-14T19:45")]
    [InlineData("14. März 2022", "2022-03-14T00:00")]
    [InlineData("14. Dezember 2022 um 19:45 Uhr", "2022-12-14T19:45")]
    public void Forum_and_european_dates_are_read(string text, string expected)
    {
        Assert.Equal(Utc(expected), DateParser.Parse(text));
    }

    [Theory]
    [InlineData("03-04-2022", "2022-03-04T00:00")]
    [InlineData("03/04/2022", "2022-03-04T00:00")]
    [InlineData("03.04.2022", "2022-04-03T00:00")]
    public void All_number_dates_follow_the_separator_month_first_with_dash_and_slash_day_first_with_dot(string text, string expected)
    {
        Assert.Equal(Utc(expected), DateParser.Parse(text));
    }

    [Theory]
    [InlineData("14-03-2022")]
    [InlineData("14/03/2022")]
    [InlineData("03.14.2022")]
    [InlineData("version 10.11.12")]
    [InlineData("31. Februar 2022")]
    [InlineData("14 de marzipan de 2022")]
    [InlineData("call 555-12-2022")]
    public void A_date_the_rule_cannot_read_is_no_date_rather_than_a_guess(string text)
    {
        Assert.Null(DateParser.Parse(text));
    }

    [Fact]
    public void Every_listed_month_name_is_read()
    {
        foreach (var (name, month) in MonthNames.All)
        {
            Assert.Equal(new DateTimeOffset(2022, month, 3, 0, 0, 0, TimeSpan.Zero), DateParser.Parse($"3 {name} 2022"));
        }
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text + ":00+00:00", CultureInfo.InvariantCulture);
}
