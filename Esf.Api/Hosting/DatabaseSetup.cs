using Esf.Infrastructure;
using Esf.Infrastructure.Persistence;

namespace Esf.Api.Hosting;

/// <summary>
/// Finds the database: <c>ConnectionStrings:Esf</c> when configured; otherwise a private PostgreSQL cluster under the data folder,
/// started now and stopped when the host stops.
/// </summary>
internal static class DatabaseSetup
{
    public static async Task<string> ResolveAsync(WebApplicationBuilder builder, EsfOptions options)
    {
        var configured = builder.Configuration.GetConnectionString("Esf");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var folder = Path.Combine(Path.GetFullPath(options.DataDirectory), "pg");
        Console.WriteLine($"No ConnectionStrings:Esf configured: starting a private PostgreSQL cluster in {folder}");
        var cluster = await PrivatePostgresCluster.StartAsync(folder, PrivatePostgresCluster.DefaultDatabase, Console.WriteLine);
        // Registered before every other hosted service, so it stops last.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(new PrivateClusterLifetime(cluster)));
        return cluster.ConnectionString;
    }

    private sealed class PrivateClusterLifetime(PrivatePostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync(cancellationToken);
    }
}
