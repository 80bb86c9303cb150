using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registry;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Infrastructure.Processes;

/// <summary>
/// A PostgreSQL cluster and a RabbitMQ node owned by one test suite (under <c>.esf/test/&lt;name&gt;-pg</c> and
/// <c>-rabbitmq</c>), so that suite may restart or kill them without hurting the tests that share the usual services.
/// </summary>
public sealed class PrivateStack : IAsyncDisposable
{
    private readonly PrivatePostgresCluster cluster;
    private readonly string brokerFolder;

    private PrivateStack(PrivatePostgresCluster cluster, string brokerFolder, string rabbitMqUri)
    {
        this.cluster = cluster;
        this.brokerFolder = brokerFolder;
        RabbitMqUri = rabbitMqUri;
        DataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
    }

    public string ConnectionString => cluster.ConnectionString;

    public string RabbitMqUri { get; }

    public NpgsqlDataSource DataSource { get; }

    public RegistryWriter Registry => new(DataSource);

    public static async Task<PrivateStack> StartAsync(string name)
    {
        var root = Path.Combine(TestServices.RepositoryRoot, ".esf", "test");
        var cluster = await PrivatePostgresCluster.StartAsync(
            Path.Combine(root, $"{name}-pg"), PrivatePostgresCluster.DefaultDatabase, m => TestContext.Progress.WriteLine($"[{name}-pg] {m}"));
        var brokerFolder = PrivateBroker.FolderOf($"{name}-rabbitmq");
        var uri = await PrivateBroker.StartAsync(brokerFolder);
        await DatabaseMigrator.MigrateAsync(cluster.ConnectionString, CancellationToken.None);
        return new PrivateStack(cluster, brokerFolder, uri);
    }

    /// <summary>Stops and starts the broker on the same port with its data, as an operator's restart does.</summary>
    public Task RestartBrokerAsync() => PrivateBroker.RestartAsync(brokerFolder);

    /// <summary><c>pg_ctl restart -m fast</c>: every open connection breaks.</summary>
    public async Task RestartPostgresAsync()
    {
        await cluster.RestartAsync();
        // The test's own pooled connections died with the server; the application's processes must cope on their own.
        DataSource.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PrivateBroker.StopAsync(brokerFolder);
        await cluster.StopAsync();
    }
}
