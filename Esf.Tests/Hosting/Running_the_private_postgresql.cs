using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Hosting;

/// <summary>
/// The settings the private cluster (tests, bench, a gateway without a configured database) is started with: its full-page
/// images are compressed with lz4 when the server was built with it (ADR 0046), and left alone when not.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class Running_the_private_postgresql
{
    [Test]
    public async Task Should_compress_full_page_images_with_lz4_when_the_server_has_it()
    {
        var connectionString = TestServices.RequirePostgres();
        if (Environment.GetEnvironmentVariable(TestServices.PostgresVariable) is { Length: > 0 })
        {
            Assert.Ignore($"{TestServices.PostgresVariable} names a server this run did not start: its settings are not ours.");
        }

        // Whether the running server has lz4 is asked of the server itself (a build without it does not offer the value), not
        // found the way ServerControl finds it, so a wrong way of finding it there fails here.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var offered = new NpgsqlCommand("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'wal_compression'", connection);
        var withLz4 = (bool)(await offered.ExecuteScalarAsync())!;
        await using var command = new NpgsqlCommand("SHOW wal_compression", connection);

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(withLz4 ? "lz4" : "off"));
    }
}
