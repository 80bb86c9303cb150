using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Esf.Tests.Infrastructure.Processes;

/// <summary>
/// One real <c>esf serve</c> process (gateway, worker or both) started from the built Esf.Api, for the tests that must kill
/// and restart processes. Its output goes to a log file under <c>.esf/test/processes</c>, read when it fails to start.
/// </summary>
public sealed class EsfProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyList<string> arguments;
    private Process? process;

    private EsfProcess(string name, string roles, int port, IReadOnlyList<string> arguments)
    {
        Name = name;
        Roles = roles;
        Port = port;
        this.arguments = arguments;
        LogFile = Path.Combine(TestServices.RepositoryRoot, ".esf", "test", "processes", $"{name}-{port}.log");
    }

    public string Name { get; }

    public string Roles { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string LogFile { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts the process on a free port and waits until <c>/health/ready</c> answers 200.</summary>
    /// <param name="roles">gateway, worker, or gateway,worker.</param>
    /// <param name="settings">Extra <c>--Key value</c> settings, e.g. <c>Esf:RelayGraceSeconds</c>.</param>
    public static async Task<EsfProcess> StartAsync(
        string name, string roles, string connectionString, string rabbitMqUri, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Esf:Roles"] = roles,
            ["Esf:RabbitMq"] = rabbitMqUri,
            ["ConnectionStrings:Esf"] = connectionString,
            ["Esf:SeedDemo"] = "false",
            // The tests sign with self-signed keys: development trust, allowed explicitly outside Development.
            ["Esf:Security:DevelopmentTrust"] = "true",
            ["Esf:RelayGraceSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var instance = new EsfProcess(name, roles, port, ["serve", .. all.SelectMany(p => new[] { $"--{p.Key}", p.Value })]);
        await instance.StartAsync();
        return instance;
    }

    /// <summary>(Re)starts the process with the same port and settings and waits until it is ready.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ApplicationPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"---- start {DateTime.UtcNow:O}: {Roles} ----");
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync();
    }

    /// <summary><c>kill -9</c>: no shutdown hooks, no flushing; what the process had in flight is lost.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    public async Task RestartAfterKillAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }

    /// <summary>The built esf.dll of the configuration the tests themselves were built in (Debug or Release).</summary>
    public static string ApplicationPath()
    {
        var configuration = TestContextConfiguration();
        var path = Path.Combine(TestServices.RepositoryRoot, "Esf.Api", "bin", configuration, "net10.0", "esf.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build Esf.Api ({configuration}) first: {path} is missing.");
    }

    private static string TestContextConfiguration()
    {
        var directory = AppContext.BaseDirectory.Replace('\\', '/');
        return directory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting; see {LogFile}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} was not ready within {StartTimeout}; see {LogFile}");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
        catch (ObjectDisposedException)
        {
            // The process exited; its last lines raced the close.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
