using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>
/// The baseline's table, in its own database on the same server: rows whose JSON is as large as a masked review
/// response, so the baseline moves the same bytes through PostgreSQL, Npgsql and the JSON writer.
/// </summary>
internal static class BaselineRows
{
    public const string Database = "nlmg_baseline";

    public static async Task<int> FillAsync(int rows, int bytes, CancellationToken ct)
    {
        var app = new NpgsqlConnectionStringBuilder(await Loader.ConnectAsync(ct));
        var admin = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"drop database if exists {Database}", connection);
            await drop.ExecuteNonQueryAsync(ct);
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        var target = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = Database };
        await using var db = NpgsqlDataSource.Create(target.ConnectionString);
        await using (var create = db.CreateCommand(
            "create table rows (id bigint primary key, title text not null, author text not null, published_at timestamptz not null, body text not null)"))
            await create.ExecuteNonQueryAsync(ct);

        await using (var connection = await db.OpenConnectionAsync(ct))
        await using (var copy = await connection.BeginBinaryImportAsync("copy rows (id, title, author, published_at, body) from stdin (format binary)", ct))
        {
            // The JSON envelope and the other fields take about 120 bytes.
            var body = Text(Math.Max(16, bytes - 120));
            for (var id = 1; id <= rows; id++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync((long)id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Row {id}: a baseline review title"), NpgsqlDbType.Text, ct);
                await copy.WriteAsync("Baseline Author", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(id), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(body, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var analyze = db.CreateCommand("vacuum analyze rows"))
            await analyze.ExecuteNonQueryAsync(ct);
        Console.WriteLine(target.ConnectionString);
        return 0;
    }

    private static string Text(int length)
    {
        var text = new StringBuilder(length + 16);
        var rng = new Random(5);
        string[] words = ["the", "film", "quietly", "moving", "story", "about", "memory", "and", "loss", "performance"];
        while (text.Length < length)
            text.Append(words[rng.Next(words.Length)]).Append(' ');
        return text.ToString(0, length);
    }
}
