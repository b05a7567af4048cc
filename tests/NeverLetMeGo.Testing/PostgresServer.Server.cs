using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Testing;

public static partial class PostgresServer
{
    /// <summary>
    /// The databases of one test process. Names carry the process id so that a later run can tell the databases of a
    /// killed run (its process is gone and nobody is connected) from those of a run still going.
    /// </summary>
    /// <param name="adminConnectionString">A connection allowed to CREATE DATABASE.</param>
    /// <param name="owned">The server is shared (configured): drop what we create, since nobody deletes that cluster.</param>
    private sealed partial class Server(string adminConnectionString, bool owned)
    {
        private readonly ConcurrentDictionary<string, bool> created = new(StringComparer.Ordinal);

        public string Template { get; } = Name("nlmg_template");

        public async Task CreateTemplateAsync()
        {
            await CreateAsync("template0", Template, CancellationToken.None);
            // Disposing the data source closes its connections: CREATE DATABASE … TEMPLATE needs the template idle.
            await using var db = NpgsqlDataSource.Create(ConnectionStringFor(Template));
            await Migrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
        }

        public async Task<string> CreateAsync(string from, CancellationToken ct)
        {
            var name = Name("nlmg_test");
            await CreateAsync(from, name, ct);
            created.TryAdd(name, true);
            return ConnectionStringFor(name);
        }

        public async Task DropAsync(string name, CancellationToken ct)
        {
            if (!owned || !created.TryRemove(name, out _))
                return;
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, $"drop database if exists \"{name}\" with (force)", ct);
        }

        /// <summary>At exit, best effort: the test host may be killed before this ends; the next run cleans up the rest.</summary>
        public void DropAll()
        {
            try
            {
                using var connection = new NpgsqlConnection(adminConnectionString);
                connection.Open();
                foreach (var name in created.Keys.Append(Template))
                {
                    using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
                    drop.ExecuteNonQuery();
                }
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"Could not drop the test databases: {e.Message}");
            }
        }

        /// <summary>Drops test databases left by killed runs: their process is gone and nobody is connected to them.</summary>
        public async Task DropAbandonedAsync()
        {
            const string idle = """
                select d.datname from pg_database d
                where d.datname like 'nlmg\_%'
                  and not exists (select from pg_stat_activity a where a.datname = d.datname)
                """;
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            var names = new List<string>();
            await using (var command = new NpgsqlCommand(idle, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    names.Add(reader.GetString(0));
            }
            foreach (var name in names)
            {
                var match = OurName().Match(name);
                if (!match.Success || IsAlive(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture)))
                    continue;
                try
                {
                    await ExecuteAsync(connection, $"drop database if exists \"{name}\"", CancellationToken.None);
                }
                catch (PostgresException)
                {
                    // Someone connected in the meantime: not abandoned after all.
                }
            }
        }

        private async Task CreateAsync(string from, string name, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync(ct);
            // Names are generated here, never taken from input; identifiers cannot be parameters.
            await ExecuteAsync(connection, $"create database \"{name}\" template \"{from}\"", ct);
        }

        private string ConnectionStringFor(string database) =>
            new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

        private static string Name(string prefix) =>
            $"{prefix}_{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid().ToString("N")[..12]}";

        private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        [GeneratedRegex("^nlmg_(test|template)_(?<pid>[0-9]+)_[0-9a-f]{12}$")]
        private static partial Regex OurName();
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
