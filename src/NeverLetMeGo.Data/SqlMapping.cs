using System.Runtime.CompilerServices;
using Dapper;

namespace NeverLetMeGo.Data;

/// <summary>The one mapping convention of this assembly: snake_case columns bind to PascalCase properties.</summary>
internal static class SqlMapping
{
    // Runs once, before any query of this assembly; every SQL statement here relies on it.
#pragma warning disable CA2255 // The convention must hold before the first query, whoever issues it.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Configure() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>Npgsql reads timestamptz as a UTC DateTime.</summary>
    public static DateTimeOffset? Offset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    public static DateTimeOffset Offset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
