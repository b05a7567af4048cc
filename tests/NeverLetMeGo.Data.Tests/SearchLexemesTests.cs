using NeverLetMeGo.Data.Search;

namespace NeverLetMeGo.Data.Tests;

/// <summary>A search's lexemes come from its tsquery as PostgreSQL writes it: quoted terms, quotes and backslashes doubled.</summary>
public sealed class SearchLexemesTests
{
    [Theory]
    [InlineData("'kathi'", new[] { "kathi" })]
    [InlineData("'kathi' & 'tommi'", new[] { "kathi", "tommi" })]
    [InlineData("'hailsham' <-> 'school' & !'donor'", new[] { "hailsham", "school", "donor" })]
    [InlineData("'die' | 'dies' & 'die'", new[] { "die", "dies" })]
    [InlineData("'o''brien' & 'back\\\\slash'", new[] { "o'brien", "back\\slash" })]
    [InlineData("", new string[0])]
    public void Each_quoted_term_is_a_lexeme_once(string tsquery, string[] expected)
        => Assert.Equal(expected, SearchQueries.Lexemes(tsquery));
}
