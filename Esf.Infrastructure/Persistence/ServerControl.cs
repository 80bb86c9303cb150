using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Esf.Infrastructure.Persistence;

/// <summary>Starts and stops the server of a cluster folder with <c>pg_ctl</c>.</summary>
internal static class ServerControl
{
    private const int StartWaitSeconds = 120;

    /// <summary>
    /// Writes <c>data/esf.conf</c> (127.0.0.1 only, a free port, the socket folder, max_connections) and starts the
    /// server, waiting until it accepts connections; returns its port.
    /// </summary>
    public static async Task<int> StartAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = ClusterLayout.DataDirectoryOf(folder);
        var socketDirectory = ClusterLayout.SocketDirectoryFor(folder);
        Directory.CreateDirectory(socketDirectory);
        var logFile = ClusterLayout.ServerLogOf(folder);
        if (runAsServiceUser)
        {
            await ServiceUser.ChownAsync(socketDirectory, recursive: false, cancellationToken).ConfigureAwait(false);
        }

        var walCompression = await WalCompressionAsync(binDirectory, folder, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            await File.WriteAllTextAsync(
                Path.Combine(data, ClusterLayout.SettingsFileName),
                $"""
                 # Written by Esf at each start of the private cluster.
                 listen_addresses = '127.0.0.1'
                 port = {port.ToString(CultureInfo.InvariantCulture)}
                 unix_socket_directories = '{socketDirectory.Replace("'", "''", StringComparison.Ordinal)}'
                 max_connections = {PrivatePostgresCluster.MaxConnections.ToString(CultureInfo.InvariantCulture)}
                 # The full-page images written after each checkpoint, compressed (ADR 0046): 3.1–4.2 KB → 1.4–1.8 KB each.
                 wal_compression = {walCompression}

                 """,
                cancellationToken).ConfigureAwait(false);
            if (runAsServiceUser)
            {
                await ServiceUser.ChownAsync(Path.Combine(data, ClusterLayout.SettingsFileName), recursive: false, cancellationToken)
                    .ConfigureAwait(false);
            }

            var logLength = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            log($"Starting PostgreSQL on 127.0.0.1:{port}");
            var stopwatch = Stopwatch.StartNew();
            var result = await PostgresBinaries.RunAsync(
                binDirectory, "pg_ctl",
                ["start", "-D", data, "-l", logFile, "-w", "-t", StartWaitSeconds.ToString(CultureInfo.InvariantCulture)],
                runAsServiceUser, folder, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0 && RunningCluster.PortOf(folder) == port)
            {
                log($"PostgreSQL ready on 127.0.0.1:{port} after {stopwatch.Elapsed.TotalSeconds:0.0}s");
                return port;
            }

            var serverLog = ReadFrom(logFile, logLength);
            if (attempt < 3 && serverLog.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                log($"Port {port} was taken meanwhile; trying another one");
                continue;
            }

            throw new InvalidOperationException(
                $"pg_ctl start failed for {data}:{Environment.NewLine}{result.Describe()}{Environment.NewLine}"
                + $"--- {logFile} ---{Environment.NewLine}{serverLog}");
        }
    }

    /// <summary>
    /// lz4 when these binaries were built with it (<c>pg_config --configure</c> names <c>--with-lz4</c>), else off: a server refuses
    /// to start with a value it was not built for.
    /// </summary>
    private static async Task<string> WalCompressionAsync(string binDirectory, string folder, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(binDirectory, "pg_config")))
        {
            return "off";
        }

        var configure = await PostgresBinaries.RunAsync(binDirectory, "pg_config", ["--configure"], runAsServiceUser: false, folder, cancellationToken)
            .ConfigureAwait(false);
        return configure.ExitCode == 0 && configure.Output.Contains("--with-lz4", StringComparison.Ordinal) ? "lz4" : "off";
    }

    /// <summary><c>pg_ctl restart -m fast</c>: every connection is cut; the server comes back on the same port (esf.conf is kept).</summary>
    public static async Task RestartAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = ClusterLayout.DataDirectoryOf(folder);
        log($"Restarting PostgreSQL in {data}");
        var result = await PostgresBinaries.RunAsync(
            binDirectory, "pg_ctl",
            ["restart", "-D", data, "-l", ClusterLayout.ServerLogOf(folder), "-m", "fast", "-w", "-t", StartWaitSeconds.ToString(CultureInfo.InvariantCulture)],
            runAsServiceUser, folder, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed for {data}:{Environment.NewLine}{result.Describe()}");
        }
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>); does nothing when there is no <c>postmaster.pid</c>.</summary>
    public static async Task StopAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = ClusterLayout.DataDirectoryOf(folder);
        if (!RunningCluster.HasPidFile(folder))
        {
            log("PostgreSQL is not running (no postmaster.pid)");
            return;
        }

        log($"Stopping PostgreSQL in {data}");
        var result = await PostgresBinaries.RunAsync(
            binDirectory, "pg_ctl", ["stop", "-D", data, "-m", "fast", "-w", "-t", "60"], runAsServiceUser, folder,
            cancellationToken).ConfigureAwait(false);
        // pg_ctl stop exits 1 when the server is not running: that is the goal anyway.
        if (result.ExitCode != 0 && RunningCluster.HasPidFile(folder) && RunningCluster.PortOf(folder) is not null)
        {
            throw new InvalidOperationException($"pg_ctl stop failed for {data}:{Environment.NewLine}{result.Describe()}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    private static string ReadFrom(string file, long offset)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
