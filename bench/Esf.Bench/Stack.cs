using System.Globalization;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Bench;

/// <summary>
/// What one run of the bench measures against: a fresh database in the private PostgreSQL cluster (.esf/bench/pg, started once per
/// bench), and the gateway and the worker as two separate <c>esf.dll serve</c> processes talking over the given RabbitMQ, started anew.
/// </summary>
public sealed class Stack : IAsyncDisposable
{
    public const string Database = "esf_bench";
    private readonly List<ServiceProcess> _services = [];
    private readonly Options _options;

    private Stack(Options options, PrivatePostgresCluster cluster)
    {
        _options = options;
        Cluster = cluster;
        ConnectionString = cluster.ConnectionStringFor(Database);
        Directory.CreateDirectory(JitDirectory);
        foreach (var map in Directory.EnumerateFiles(JitDirectory, "perf-*.map"))
        {
            File.Delete(map);
        }
    }

    public PrivatePostgresCluster Cluster { get; }

    public Options Options => _options;

    public string ConnectionString { get; }

    public Uri GatewayUrl { get; private set; } = new("http://127.0.0.1/");

    public ServiceProcess Gateway => _services[0];

    public ServiceProcess Worker => _services[1];

    /// <summary>The postmaster's pid, to count PostgreSQL's CPU (its backends included).</summary>
    public int PostgresPid => PostmasterPid(Cluster);

    /// <summary>Where the services' perf maps go (<see cref="JitLog"/>).</summary>
    public string JitDirectory => Path.Combine(_options.WorkDirectory, "jit");

    /// <summary>What the gateway and the worker have JIT-compiled so far.</summary>
    public (JitCount Gateway, JitCount Worker) Jit => (JitLog.Read(JitDirectory, Gateway.Pid), JitLog.Read(JitDirectory, Worker.Pid));

    /// <summary>The bench's cluster (.esf/bench/pg): made once, started once per bench, a fresh database in it for every run.</summary>
    public static Task<PrivatePostgresCluster> StartClusterAsync(Options options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        return PrivatePostgresCluster.StartAsync(
            Path.Combine(options.WorkDirectory, "pg"), "postgres", message => Console.WriteLine($"  pg: {message}"), cancellationToken);
    }

    /// <summary>The Release build of the one executable, gateway and worker alike; it must exist (bench/run.sh builds it).</summary>
    public static string ServiceDll(Options options)
    {
        var dll = Path.Combine(options.Root, "Esf.Api", "bin", "Release", "net10.0", "esf.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: build Esf.Api in Release first (bench/run.sh does).");
    }

    public static int PostmasterPid(PrivatePostgresCluster cluster) =>
        int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>A fresh <see cref="Database"/> (dropped and made anew, migrated), then the gateway and the worker.</summary>
    public static async Task<Stack> StartAsync(Options options, PrivatePostgresCluster cluster, CancellationToken cancellationToken)
    {
        var stack = new Stack(options, cluster);
        try
        {
            await stack.RecreateDatabaseAsync(cancellationToken);
            await DatabaseMigrator.MigrateAsync(stack.ConnectionString, cancellationToken);
            await stack.StartServicesAsync(cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the gateway and the worker (PostgreSQL stays up for the in-process measurements and the next run).</summary>
    public async Task StopServicesAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        File.Delete(_options.PidFile);
    }

    /// <summary>After a crash or Ctrl-C: stops what a previous bench left running (its services by pid file, its cluster).</summary>
    public static async Task CleanupAsync(Options options)
    {
        if (File.Exists(options.PidFile))
        {
            foreach (var line in await File.ReadAllLinesAsync(options.PidFile))
            {
                if (int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && IsOurService(pid))
                {
                    Console.WriteLine($"  stopping leftover esf process {pid}");
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                }
            }

            File.Delete(options.PidFile);
        }

        await PrivatePostgresCluster.StopIfRunningAsync(Path.Combine(options.WorkDirectory, "pg"), Console.WriteLine);
    }

    private static bool IsOurService(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("esf.dll", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task RecreateDatabaseAsync(CancellationToken cancellationToken)
    {
        // The previous run's idle pooled connections would be cut by DROP … (FORCE) and handed out dead to this one.
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Cluster.ConnectionStringFor("postgres"));
        await admin.OpenAsync(cancellationToken);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", $"CREATE DATABASE {Database}" })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        var dll = ServiceDll(_options);

        var amqp = _options.AmqpUri ?? throw new InvalidOperationException(
            "--amqp <uri> is required: gateway and worker are separate processes and need RabbitMQ between them (bench/run.sh starts one).");
        foreach (var role in new[] { "gateway", "worker" })
        {
            var port = FreePort();
            var service = ServiceProcess.Start(role, _options.Root, Path.Combine(_options.WorkDirectory, role + ".log"),
            [
                dll, "serve", "--urls", $"http://127.0.0.1:{port}", "--Esf:Roles", role, "--Esf:RabbitMq", amqp,
                "--ConnectionStrings:Esf", ConnectionString, "--Esf:SeedDemo", "false",
                // The bench signs with self-signed keys: development trust, allowed explicitly outside Development.
                "--Esf:Security:DevelopmentTrust", "true",
            ], JitLog.Environment(JitDirectory));
            _services.Add(service);
            await File.AppendAllTextAsync(_options.PidFile, service.Pid.ToString(CultureInfo.InvariantCulture) + "\n", cancellationToken);
            await service.WaitReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
            Console.WriteLine($"  {role} ready (pid {service.Pid}, port {port})");
            if (role == "gateway")
            {
                GatewayUrl = new Uri($"http://127.0.0.1:{port}/");
                await WaitListeningAsync(port, cancellationToken);
            }
        }
    }

    private static async Task WaitListeningAsync(int port, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 100)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
