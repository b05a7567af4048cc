using Npgsql;

// The baseline of bench/run: a bare minimal API that reads one row by primary key through a pooled NpgsqlDataSource and
// returns it as JSON. Same framework defaults as the product's host (WebApplication.CreateBuilder).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline.")));

var app = builder.Build();
app.MapGet("/rows/{id:long}", async Task<IResult> (long id, NpgsqlDataSource db, CancellationToken ct) =>
{
    await using var command = db.CreateCommand("select id, title, author, published_at, body from rows where id = $1");
    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
    await using var reader = await command.ExecuteReaderAsync(ct);
    if (!await reader.ReadAsync(ct))
        return TypedResults.NotFound();
    return TypedResults.Ok(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
});
await app.RunAsync();

internal sealed record Row(long Id, string Title, string Author, DateTimeOffset PublishedAt, string Body);
