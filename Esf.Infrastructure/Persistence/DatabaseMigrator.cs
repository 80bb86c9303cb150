using DbUp;
using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// Applies the numbered SQL migrations embedded from <c>Persistence/Migrations</c>, once, under a PostgreSQL advisory lock,
/// so several gateways and workers may start at the same time.
/// </summary>
public static class DatabaseMigrator
{
    // Any fixed number; every instance of this application takes the same lock.
    private const long MigrationLockKey = 7_346_210_001;

    public static Task MigrateAsync(string connectionString, CancellationToken cancellationToken) =>
        MigrateAsync(connectionString, before: null, cancellationToken);

    /// <param name="before">Only the migrations whose file name sorts before this one (e.g. "0174"): a database in an older
    /// layout, so a test can write rows the way an older version did and then see the next migration move them.</param>
    internal static async Task MigrateAsync(string connectionString, string? before, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var result = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal) && IsBefore(name, before))
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Database migration {result.ErrorScript?.Name} failed: {result.Error?.Message}", result.Error);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // Resource names end in "Migrations.NNNN_name.sql".
    private static bool IsBefore(string resourceName, string? before) =>
        before is null || string.CompareOrdinal(resourceName[(resourceName.LastIndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..], before) < 0;
}
