using System.Net;
using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// A private PostgreSQL cluster (version 15 preferred) kept in one folder, for tests and for running the app without a
/// configured database.
/// </summary>
/// <remarks>
/// <para>Layout of the folder: <c>data/</c> (the cluster, made once by initdb: trust auth for loopback only, UTF8,
/// locale C), <c>run/</c> (its unix socket), <c>server.log</c>, and <c>data/esf.conf</c> (listen address, port, socket
/// folder and max_connections, rewritten at each start).</para>
/// <para>The server listens on 127.0.0.1 only, on a free port chosen at start. When the cluster of the folder is
/// already running, <see cref="StartAsync(string, string, Action{string}?, CancellationToken)"/> reuses it and its
/// port (<see cref="WasAlreadyRunning"/>).</para>
/// <para>PostgreSQL refuses to run as root: as root the folder is given to the <c>postgres</c> user and the tools run
/// through <c>runuser -u postgres --</c>; otherwise they run as the current user.</para>
/// </remarks>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    public const string DefaultDatabase = "esf";
    /// <summary>
    /// The test assembly runs one gateway per fixture against this cluster, each with its pool and its worker's pollers: with
    /// the waybill, warehouse, draft and ИС ГО fixtures 200 slots ran out in CI («too many clients already»).
    /// </summary>
    public const int MaxConnections = 500;

    private readonly Action<string> _log;
    private readonly bool _runAsServiceUser;
    private int _stopped;

    private PrivatePostgresCluster(
        string folder, string binDirectory, bool runAsServiceUser, int port, string database, bool wasAlreadyRunning,
        Action<string> log)
    {
        Folder = folder;
        BinDirectory = binDirectory;
        _runAsServiceUser = runAsServiceUser;
        Port = port;
        Database = database;
        WasAlreadyRunning = wasAlreadyRunning;
        _log = log;
        ConnectionString = BuildConnectionString(port, database);
    }

    /// <summary>
    /// The cluster's folder: the one given to <c>StartAsync</c> (absolute), unless running as root it had to be moved
    /// where the postgres user can reach it (see <c>relocated-to</c> in the given folder).
    /// </summary>
    public string Folder { get; }

    /// <summary>The cluster's data directory (PGDATA): <c>&lt;folder&gt;/data</c>.</summary>
    public string DataDirectory => ClusterLayout.DataDirectoryOf(Folder);

    /// <summary>Where initdb, pg_ctl and postgres were found.</summary>
    public string BinDirectory { get; }

    public int Port { get; }

    public string Database { get; }

    /// <summary>True when the cluster was already running and was reused rather than started.</summary>
    public bool WasAlreadyRunning { get; }

    /// <summary><c>Host=127.0.0.1;Port=…;Username=postgres;Database=…</c> (trust auth: no password).</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string for another database of the same cluster.</summary>
    public string ConnectionStringFor(string database) => BuildConnectionString(Port, database);

    public static Task<PrivatePostgresCluster> StartAsync(
        string dataDirectory, string database, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, database, null, cancellationToken);

    /// <summary>
    /// Makes the cluster in <paramref name="dataDirectory"/> if needed (initdb once), starts it unless it already runs,
    /// waits until it accepts connections and creates <paramref name="database"/> if missing.
    /// </summary>
    /// <param name="dataDirectory">The cluster's folder; created if missing.</param>
    /// <param name="database">The database to create if missing and to name in <see cref="ConnectionString"/>.</param>
    /// <param name="log">Progress messages; none when null.</param>
    /// <param name="cancellationToken">Cancels waiting; a tool already running is killed.</param>
    public static async Task<PrivatePostgresCluster> StartAsync(
        string dataDirectory,
        string database = DefaultDatabase,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var write = log ?? (_ => { });
        var folder = Path.GetFullPath(dataDirectory);
        var runAsServiceUser = ServiceUser.IsNeeded();
        var binDirectory = PostgresBinaries.FindBinDirectory();
        write($"PostgreSQL binaries: {binDirectory}; cluster folder: {folder}" + (runAsServiceUser ? " (as user postgres)" : ""));

        Directory.CreateDirectory(folder);
        if (runAsServiceUser)
        {
            folder = await ServiceUser.PrepareFolderAsync(folder, write, cancellationToken).ConfigureAwait(false);
        }

        // One starter at a time per folder (e.g. two test runs): the lock file is flock'ed by .NET on Unix.
        await using var folderLock = await ClusterFolderLock.AcquireAsync(folder, cancellationToken).ConfigureAwait(false);

        var port = RunningCluster.PortOf(folder);
        var reused = port is not null;
        if (port is { } runningPort)
        {
            write($"PostgreSQL already running on 127.0.0.1:{runningPort}, reusing it");
        }
        else
        {
            await ClusterInitializer.InitDbIfNeededAsync(folder, binDirectory, runAsServiceUser, write, cancellationToken)
                .ConfigureAwait(false);
            port = await ServerControl.StartAsync(folder, binDirectory, runAsServiceUser, write, cancellationToken).ConfigureAwait(false);
        }

        var cluster = new PrivatePostgresCluster(folder, binDirectory, runAsServiceUser, port.Value, database, reused, write);
        try
        {
            await DatabaseCreator.EnsureExistsAsync(cluster.ConnectionStringFor("postgres"), database, write, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            if (!reused)
            {
                await cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        return cluster;
    }

    /// <summary>Stops the cluster (<c>pg_ctl stop -m fast</c>), also when it was reused. Safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await ServerControl.StopAsync(Folder, BinDirectory, _runAsServiceUser, _log, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// <c>pg_ctl restart -m fast</c>: every connection is cut, the server comes back on the same port (esf.conf is kept).
    /// For fault tests and operators; the cluster stays this object's.
    /// </summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        ServerControl.RestartAsync(Folder, BinDirectory, _runAsServiceUser, _log, cancellationToken);

    /// <summary>Stops the cluster of <paramref name="dataDirectory"/> if it runs; does nothing otherwise.</summary>
    public static async Task StopIfRunningAsync(
        string dataDirectory, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var folder = await ClusterLayout.ResolveRelocationAsync(Path.GetFullPath(dataDirectory), cancellationToken)
            .ConfigureAwait(false);
        if (!RunningCluster.HasPidFile(folder))
        {
            return;
        }

        await ServerControl.StopAsync(
            folder, PostgresBinaries.FindBinDirectory(), ServiceUser.IsNeeded(), log ?? (_ => { }), cancellationToken)
            .ConfigureAwait(false);
    }

    private static string BuildConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = ClusterInitializer.SuperUser,
            Database = database,
        }.ConnectionString;
}
