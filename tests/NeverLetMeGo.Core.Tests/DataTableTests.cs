namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// List pages (a wiki's "list of films featuring …", a festival's programme) keep their text in a data table, a row per
/// entry with a paragraph in a cell, and often end in a long list of references. The table is the page's text.
/// </summary>
public sealed class DataTableTests
{
    private static readonly Uri Url = new("https://wiki.example.org/wiki/List_of_films_about_clones");

    private static readonly string[] Films =
    [
        "A woman who shot her husband on New Year's Eve wishes she could live the year again, and somehow gets her chance, which leads her to the same night.",
        "Three friends raised at a boarding school in the countryside grow up, drift apart, and meet again years later, when one of them is already ill.",
        "A cloned miner nearing the end of a three-year contract on the far side of the moon meets a younger copy of himself, and they argue about who is real.",
        "An island of survivors, told that they have won a lottery to leave for paradise, begins to suspect what the lottery is for, and two of them run.",
        "A scientist who copies herself to finish her work finds that the copy has different memories of their childhood, and the two start to compete.",
        "In a city where everyone has a double kept in reserve, a clerk falls in love with the double of a woman he once met, and is ordered to forget her.",
    ];

    private static string Page(bool headed)
    {
        // Names and actors linked, as a wiki links them: a quarter of the table's text is links.
        var rows = string.Concat(Films.Concat(Films).Select((f, i) =>
            $"<tr>{(headed ? "<th>" : "<td>")}<i><a href=\"/wiki/F{i}\">The Film Called Number {i}</a></i>{(headed ? "</th>" : "</td>")}<td>{1950 + i * 9}</td>" +
            $"<td>{f} With <a href=\"/wiki/A{i}\">Actor Name {i}</a> and <a href=\"/wiki/B{i}\">Other Actor {i}</a>.</td></tr>"));
        var references = string.Concat(Enumerable.Range(1, 24).Select(i =>
            $"<li><a href=\"#r{i}\">^</a> Smith J. ({1990 + i}). <a href=\"https://news.example.com/{i}\">Copies and doubles</a>. Cinema of Doubles {i}. Example Press. Retrieved 3 May 2020.</li>"));
        return $$"""
            <html><head><title>List of films about clones - Wikipedia</title></head><body>
            <nav><a href="/">Main page</a> <a href="/random">Random article</a></nav>
            <main><h1>List of films about clones</h1>
            <div class="mw-parser-output">
            <p>This is a list of films in which cloned people, or people who discover they are copies, are a prominent part of the story.</p>
            <table class="wikitable sortable">{{(headed ? "<caption>Films about clones</caption><thead><tr><th>Film</th><th>Year</th><th>Description</th></tr></thead>" : "")}}
            <tbody>{{rows}}</tbody></table>
            <h2>References</h2>
            <div class="reflist"><ol class="references">{{references}}</ol></div>
            </div></main></body></html>
            """;
    }

    [Fact]
    public void A_data_table_of_prose_is_the_text_not_the_references_after_it()
    {
        var review = ReviewPipeline.Process(Page(headed: true), Url);
        var text = string.Join("\n", review.Blocks.Select(b => b.Text));

        Assert.All(Films, f => Assert.Contains(f, text, StringComparison.Ordinal));
        Assert.Contains("This is a list of films", text, StringComparison.Ordinal);
    }

    private const string LaidOutPage = """
        <html><head><title>Harbour Town Film Society - Spring programme</title></head><body>
        <table width="100%" border="0">
        <tr><td colspan="3">Harbour Town Film Society, screening films every Friday since 1974 in the old harbour hall</td></tr>
        <tr><td width="120"><a href="/">Home</a><br><a href="/programme">Programme</a><br><a href="/join">Join</a></td>
        <td>
        <p>Our spring season opens with a quiet British drama about three friends who grew up at a boarding school, told by one of them years later.</p>
        <p>The film is slow, careful and sad, and the discussion afterwards, led by a retired teacher from the town, is always the best part of the evening.</p>
        <p>Tickets are five pounds at the door, members free, and tea and biscuits are served in the interval as usual, weather permitting.</p>
        <p>In April we turn to comedy: two silent shorts with live piano, then a feature about a brass band that refuses to give up its hall.</p>
        </td>
        <td width="200">
        <p>Society news: the projector was repaired in March, thanks to a donation from the harbour master and his family.</p>
        <p>Society news: the annual general meeting will be held in the small hall on the first Monday of May, at seven.</p>
        <p>Society news: volunteers are wanted for the door, the tea urn and the chairs, an hour a month, no experience needed.</p>
        <p>Society news: the film quiz returns in June, in teams of four, with a prize of a year's membership for the winners.</p>
        </td></tr>
        <tr><td colspan="3">Registered charity number 123456, all rights reserved by the Harbour Town Film Society</td></tr>
        </table></body></html>
        """;

    [Fact]
    public void A_layout_table_keeps_its_levels_so_its_text_column_outweighs_the_table()
    {
        // No caption, head or header cell: the table lays the page out. Were its rows no level, the whole table (the
        // banner, the menu, the news column and the footer line with the text) would outscore the column of text.
        var review = ReviewPipeline.Process(LaidOutPage, new Uri("https://filmsociety.example.org/spring"));
        var text = string.Join("\n", review.Blocks.Select(b => b.Text));

        Assert.Contains("Our spring season opens", text, StringComparison.Ordinal);
        Assert.Contains("In April we turn to comedy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("screening films every Friday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Registered charity", text, StringComparison.Ordinal);
    }
}
