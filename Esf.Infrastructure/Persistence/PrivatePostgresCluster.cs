using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
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
    public const int MaxConnections = 200;

    private const string SuperUser = "postgres";
    private const string ServiceUser = "postgres";
    private const string SettingsFileName = "esf.conf";
    private const string RelocationFileName = "relocated-to";
    private const int MaxUnixSocketPathLength = 100;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);
    private const int StartWaitSeconds = 120;

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
    public string DataDirectory => DataDirectoryOf(Folder);

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
        var runAsServiceUser = IsRoot();
        var binDirectory = FindBinDirectory();
        write($"PostgreSQL binaries: {binDirectory}; cluster folder: {folder}" + (runAsServiceUser ? " (as user postgres)" : ""));

        Directory.CreateDirectory(folder);
        if (runAsServiceUser)
        {
            folder = await PrepareFolderForServiceUserAsync(folder, write, cancellationToken).ConfigureAwait(false);
        }

        // One starter at a time per folder (e.g. two test runs): the lock file is flock'ed by .NET on Unix.
        await using var folderLock = await AcquireLockAsync(folder, cancellationToken).ConfigureAwait(false);

        var port = RunningPort(folder);
        var reused = port is not null;
        if (port is { } runningPort)
        {
            write($"PostgreSQL already running on 127.0.0.1:{runningPort}, reusing it");
        }
        else
        {
            await InitDbIfNeededAsync(folder, binDirectory, runAsServiceUser, write, cancellationToken).ConfigureAwait(false);
            port = await StartServerAsync(folder, binDirectory, runAsServiceUser, write, cancellationToken).ConfigureAwait(false);
        }

        var cluster = new PrivatePostgresCluster(folder, binDirectory, runAsServiceUser, port.Value, database, reused, write);
        try
        {
            await cluster.EnsureDatabaseAsync(database, cancellationToken).ConfigureAwait(false);
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

        await StopClusterAsync(Folder, BinDirectory, _runAsServiceUser, _log, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// <c>pg_ctl restart -m fast</c>: every connection is cut, the server comes back on the same port (esf.conf is kept).
    /// For fault tests and operators; the cluster stays this object's.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        _log($"Restarting PostgreSQL in {DataDirectory}");
        var result = await RunToolAsync(
            BinDirectory, "pg_ctl", ["restart", "-D", DataDirectory, "-l", Path.Combine(Folder, "server.log"), "-m", "fast", "-w", "-t", StartWaitSeconds.ToString(CultureInfo.InvariantCulture)],
            _runAsServiceUser, Folder, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed for {DataDirectory}:{Environment.NewLine}{result.Describe()}");
        }
    }

    /// <summary>Stops the cluster of <paramref name="dataDirectory"/> if it runs; does nothing otherwise.</summary>
    public static async Task StopIfRunningAsync(
        string dataDirectory, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(dataDirectory);
        var relocation = Path.Combine(folder, RelocationFileName);
        if (File.Exists(relocation))
        {
            folder = (await File.ReadAllTextAsync(relocation, cancellationToken).ConfigureAwait(false)).Trim();
        }

        if (!File.Exists(Path.Combine(DataDirectoryOf(folder), "postmaster.pid")))
        {
            return;
        }

        await StopClusterAsync(folder, FindBinDirectory(), IsRoot(), log ?? (_ => { }), cancellationToken).ConfigureAwait(false);
    }

    private static async Task StopClusterAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = DataDirectoryOf(folder);
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            log("PostgreSQL is not running (no postmaster.pid)");
            return;
        }

        log($"Stopping PostgreSQL in {data}");
        var result = await RunToolAsync(
            binDirectory, "pg_ctl", ["stop", "-D", data, "-m", "fast", "-w", "-t", "60"], runAsServiceUser, folder,
            cancellationToken).ConfigureAwait(false);
        // pg_ctl stop exits 1 when the server is not running: that is the goal anyway.
        if (result.ExitCode != 0 && File.Exists(Path.Combine(data, "postmaster.pid")) && RunningPort(folder) is not null)
        {
            throw new InvalidOperationException($"pg_ctl stop failed for {data}:{Environment.NewLine}{result.Describe()}");
        }
    }

    private static string DataDirectoryOf(string folder) => Path.Combine(folder, "data");

    private static string BuildConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = SuperUser,
            Database = database,
        }.ConnectionString;

    private async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        // No pooling: the admin connection must not linger in a pool after the cluster stops.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false, Timeout = 30 };
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

                _log($"Creating database {database}");
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

    private static async Task InitDbIfNeededAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = DataDirectoryOf(folder);
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            throw new InvalidOperationException(
                $"{data} is not empty but holds no PostgreSQL cluster (no PG_VERSION); remove it to let it be made anew.");
        }

        // initdb into a side folder, then rename: an interrupted initdb never leaves a half-made cluster behind.
        var staging = Path.Combine(folder, "data.initdb");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        log($"initdb {data}");
        var stopwatch = Stopwatch.StartNew();
        var result = await RunToolAsync(
            binDirectory, "initdb",
            [
                "-D", staging, "-U", SuperUser, "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C",
                "--no-instructions",
            ],
            runAsServiceUser, folder, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed for {data}:{Environment.NewLine}{result.Describe()}");
        }

        // initdb's pg_hba.conf trusts local sockets and 127.0.0.1/::1 only; the server listens on 127.0.0.1 only.
        await File.AppendAllTextAsync(
            Path.Combine(staging, "postgresql.conf"),
            $"{Environment.NewLine}# Added by Esf: per-start settings (port, listen address, socket folder).{Environment.NewLine}"
            + $"include_if_exists = '{SettingsFileName}'{Environment.NewLine}",
            cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(data))
        {
            Directory.Delete(data);
        }

        Directory.Move(staging, data);
        log($"initdb done in {stopwatch.Elapsed.TotalSeconds:0.0}s");
    }

    private static async Task<int> StartServerAsync(
        string folder, string binDirectory, bool runAsServiceUser, Action<string> log, CancellationToken cancellationToken)
    {
        var data = DataDirectoryOf(folder);
        var socketDirectory = SocketDirectoryFor(folder);
        Directory.CreateDirectory(socketDirectory);
        var logFile = Path.Combine(folder, "server.log");
        if (runAsServiceUser)
        {
            await ChownAsync(socketDirectory, recursive: false, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            await File.WriteAllTextAsync(
                Path.Combine(data, SettingsFileName),
                $"""
                 # Written by Esf at each start of the private cluster.
                 listen_addresses = '127.0.0.1'
                 port = {port.ToString(CultureInfo.InvariantCulture)}
                 unix_socket_directories = '{socketDirectory.Replace("'", "''", StringComparison.Ordinal)}'
                 max_connections = {MaxConnections.ToString(CultureInfo.InvariantCulture)}

                 """,
                cancellationToken).ConfigureAwait(false);
            if (runAsServiceUser)
            {
                await ChownAsync(Path.Combine(data, SettingsFileName), recursive: false, cancellationToken).ConfigureAwait(false);
            }

            var logLength = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            log($"Starting PostgreSQL on 127.0.0.1:{port}");
            var stopwatch = Stopwatch.StartNew();
            var result = await RunToolAsync(
                binDirectory, "pg_ctl",
                ["start", "-D", data, "-l", logFile, "-w", "-t", StartWaitSeconds.ToString(CultureInfo.InvariantCulture)],
                runAsServiceUser, folder, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0 && RunningPort(folder) == port)
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

    private static string SocketDirectoryFor(string folder)
    {
        var inside = Path.Combine(folder, "run");
        // A unix socket path is limited to ~107 bytes: ".s.PGSQL.NNNNN.lock" must still fit.
        if (Encoding.UTF8.GetByteCount(inside) + 20 <= MaxUnixSocketPathLength)
        {
            return inside;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..12];
        return Path.Combine(Path.GetTempPath(), "esf-pg-" + hash);
    }

    /// <summary>The port of the cluster of <paramref name="folder"/> when it is running and accepting connections.</summary>
    private static int? RunningPort(string folder)
    {
        var pidFile = Path.Combine(DataDirectoryOf(folder), "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        if (lines.Length < 4
            || !int.TryParse(lines[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            || !IsAlive(pid))
        {
            return null;
        }

        return AcceptsConnections(port) ? port : null;
    }

    private static bool IsAlive(int pid)
    {
        // /proc/<pid> exists for live processes of any user (Process.GetProcessById works too, but throws on races).
        if (Directory.Exists("/proc/self"))
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool AcceptsConnections(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
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

    private static async Task<IAsyncDisposable> AcquireLockAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ".start.lock");
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Binaries, users, processes

    private static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    private static string FindBinDirectory()
    {
        var tried = new List<string>();
        foreach (var candidate in CandidateBinDirectories())
        {
            tried.Add(candidate);
            if (RequiredTools.All(tool => File.Exists(Path.Combine(candidate, tool))))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found; looked in: "
            + string.Join(", ", tried.Distinct())
            + ". Install PostgreSQL 15 (Debian: apt-get install postgresql-15) or put its bin folder on PATH.");
    }

    private static IEnumerable<string> CandidateBinDirectories()
    {
        yield return "/usr/lib/postgresql/15/bin";

        var fromPgConfig = PgConfigBinDirectory();
        if (fromPgConfig is not null)
        {
            yield return fromPgConfig;
        }

        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (entry.Length > 0)
            {
                yield return entry;
            }
        }

        // Another Debian major version, newest first.
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var versionDirectory in Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf))
            {
                yield return Path.Combine(versionDirectory, "bin");
            }
        }

        static int VersionOf(string directory) =>
            int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    private static string? PgConfigBinDirectory()
    {
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on PATH
        }
    }

    private static bool IsRoot()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        try
        {
            // "Uid:\treal\teffective\tsaved\tfs"
            var uidLine = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = uidLine?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: >= 3 } && fields[2] == "0";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Gives <paramref name="folder"/> to the postgres user and returns the folder to keep the cluster in: the folder
    /// itself, or, when the postgres user cannot reach it (a parent such as /root is private), a folder under
    /// /var/tmp named after it, recorded in <c>&lt;folder&gt;/relocated-to</c>.
    /// </summary>
    private static async Task<string> PrepareFolderForServiceUserAsync(string folder, Action<string> log, CancellationToken cancellationToken)
    {
        var id = await RunAsync("id", ["-u", ServiceUser], null, cancellationToken).ConfigureAwait(false);
        if (id.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Running as root, but there is no '{ServiceUser}' user to run PostgreSQL as (PostgreSQL refuses to run as root). "
                + "Install the postgresql package or create the user (useradd --system postgres).");
        }

        var relocation = Path.Combine(folder, RelocationFileName);
        await ChownAsync(folder, recursive: true, cancellationToken).ConfigureAwait(false);
        if (await ServiceUserCanUseAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            File.Delete(relocation);
            return folder;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..12];
        var elsewhere = Path.Combine("/var/tmp", "esf-pg-" + hash);
        log($"User {ServiceUser} cannot reach {folder} (a parent folder is private): keeping the cluster in {elsewhere}");
        Directory.CreateDirectory(elsewhere);
        await File.WriteAllTextAsync(relocation, elsewhere + "\n", cancellationToken).ConfigureAwait(false);
        await ChownAsync(elsewhere, recursive: true, cancellationToken).ConfigureAwait(false);
        if (!await ServiceUserCanUseAsync(elsewhere, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"User '{ServiceUser}' can use neither {folder} nor {elsewhere}: put the cluster folder somewhere it can reach.");
        }

        return elsewhere;
    }

    private static async Task<bool> ServiceUserCanUseAsync(string folder, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            RunUserPath(), ["-u", ServiceUser, "--", "test", "-w", folder, "-a", "-x", folder], null, cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private static async Task ChownAsync(string path, bool recursive, CancellationToken cancellationToken)
    {
        string[] arguments = recursive ? ["-R", ServiceUser + ":", path] : [ServiceUser + ":", path];
        var result = await RunAsync("chown", arguments, null, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {path} to user {ServiceUser}:{Environment.NewLine}{result.Describe()}");
        }
    }

    private static string RunUserPath()
    {
        foreach (var candidate in new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Running as root needs 'runuser' (package util-linux) to run PostgreSQL as the postgres user, but it was not found.");
    }

    private static Task<ToolResult> RunToolAsync(
        string binDirectory, string tool, IReadOnlyList<string> arguments, bool runAsServiceUser, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(binDirectory, tool);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"PostgreSQL tool '{tool}' not found at {path}.");
        }

        return runAsServiceUser
            ? RunAsync(RunUserPath(), ["-u", ServiceUser, "--", path, .. arguments], workingDirectory, cancellationToken)
            : RunAsync(path, arguments, workingDirectory, cancellationToken);
    }

    private static async Task<ToolResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        // Messages in English whatever the machine's locale, so failures read the same everywhere.
        start.Environment["LC_MESSAGES"] = "C";
        var commandLine = fileName + " " + string.Join(" ", arguments);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{commandLine}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run '{fileName}': {e.Message}", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ToolTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"'{commandLine}' did not finish within {ToolTimeout.TotalMinutes:0} minutes.");
            }

            return new ToolResult(commandLine, process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }

    private sealed record ToolResult(string CommandLine, int ExitCode, string Output, string Error)
    {
        public string Describe() =>
            $"'{CommandLine}' exited with {ExitCode}{Environment.NewLine}{Output.TrimEnd()}{Environment.NewLine}{Error.TrimEnd()}".TrimEnd();
    }
}
