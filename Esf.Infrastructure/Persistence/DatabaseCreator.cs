using System.Net.Sockets;
using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>Creates a database of a just-started cluster if it is missing, riding out the server's start-up.</summary>
internal static class DatabaseCreator
{
    /// <param name="adminConnectionString">A connection string to the cluster's <c>postgres</c> database.</param>
    /// <param name="database">The database to create if missing.</param>
    /// <param name="log">Progress messages.</param>
    /// <param name="cancellationToken">Cancels connecting, the queries and the waits between attempts.</param>
    public static async Task EnsureExistsAsync(
        string adminConnectionString, string database, Action<string> log, CancellationToken cancellationToken)
    {
        // No pooling: the admin connection must not linger in a pool after the cluster stops.
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false, Timeout = 30 };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
                {
                    exists.Parameters.AddWithValue("name", database);
                    if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return;
                    }
                }

                log($"Creating database {database}");
                var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted} ENCODING 'UTF8' TEMPLATE template0", connection);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                return; // created meanwhile by someone else
            }
            catch (NpgsqlException e) when (attempt < 20 && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                // Just started ("the database system is starting up"), or a concurrent CREATE DATABASE using template0.
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransient(NpgsqlException e) =>
        e is PostgresException postgres
            ? postgres.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.ObjectInUse
            : e.IsTransient || e.InnerException is SocketException or IOException or TimeoutException;
}
