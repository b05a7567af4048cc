using Dapper;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Core;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Ingestion;

/// <summary>
/// The sample reviews (samples/*.html) that a new installation shows at once; imported on first start only, through the
/// same <see cref="ReviewIngester"/> as every scraped page (with what is known of the work, tagged once, decided, stored).
/// </summary>
public static class SampleCorpus
{
    /// <summary>Extraction and tagging of one sample page; generous, since the sentence encoder may still be cold.</summary>
    public static readonly TimeSpan ParseTimeout = TimeSpan.FromMinutes(2);

    public const string ImportedKey = "samples_imported";

    /// <summary>Session advisory lock: "NLMG" in the high 32 bits, 2 in the low ones (1 is the migrator's).</summary>
    public const long AdvisoryLockKey = 0x4E4C_4D47_0000_0002;

    /// <summary>
    /// Imports every *.html of the folder (in name order) unless app_state says it was done; returns how many pages were
    /// stored (0 when already done). A page that cannot be extracted is logged and skipped.
    /// </summary>
    public static async Task<int> ImportOnceAsync(NpgsqlDataSource db, string samplesDirectory, ILogger logger, CancellationToken ct, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        const string lockSql = "select pg_advisory_lock(@key)";
        const string unlockSql = "select pg_advisory_unlock(@key)";
        const string doneSql = "select exists (select from app_state where key = @key)";
        const string markSql = """
            insert into app_state (key, value) values (@key, @value)
            on conflict (key) do update set value = excluded.value, updated_at = now()
            """;

        await using var connection = await db.OpenConnectionAsync(ct);
        // Held on this session while importing, so two processes starting together import once.
        await connection.ExecuteAsync(new CommandDefinition(lockSql, new { key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(doneSql, new { key = ImportedKey }, cancellationToken: ct)))
            {
                logger.LogDebug("The sample corpus was imported before");
                return 0;
            }
            if (!Directory.Exists(samplesDirectory))
            {
                logger.LogWarning("No sample corpus at {SamplesDirectory}; nothing imported", samplesDirectory);
                return 0;
            }

            var imported = await ImportAllAsync(db, samplesDirectory, logger, clock, ct);
            var value = $"{imported} pages at {clock.GetUtcNow():O}";
            await connection.ExecuteAsync(new CommandDefinition(markSql, new { key = ImportedKey, value }, cancellationToken: ct));
            logger.LogInformation("Imported {Count} sample reviews from {SamplesDirectory}", imported, samplesDirectory);
            return imported;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
                await connection.ExecuteAsync(new CommandDefinition(unlockSql, new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private static async Task<int> ImportAllAsync(NpgsqlDataSource db, string samplesDirectory, ILogger logger, TimeProvider clock, CancellationToken ct)
    {
        var ingester = new ReviewIngester(new ReviewStore(db), new WorkKnowledgeStore(db), clock, ParseTimeout);
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(samplesDirectory, "*.html").Order(StringComparer.Ordinal))
        {
            try
            {
                var html = await File.ReadAllTextAsync(file, ct);
                var result = await ingester.IngestAsync(html, new Uri(Path.GetFullPath(file)), ct);
                logger.LogInformation("Sample {File}: review {ReviewId} {Outcome}", Path.GetFileName(file), result.ReviewId, result.Outcome);
                imported++;
            }
            catch (Exception e) when (e is ExtractionException or ExtractionTimeoutException)
            {
                logger.LogError("Sample {File} could not be extracted: {Reason}", file, e.Message);
            }
        }
        return imported;
    }
}
