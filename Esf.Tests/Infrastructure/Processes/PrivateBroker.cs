using System.Diagnostics;

namespace Esf.Tests.Infrastructure.Processes;

/// <summary>
/// A RabbitMQ node of one test suite under <c>.esf/test/&lt;name&gt;</c>, driven through scripts/rabbitmq.sh, so the suite
/// may restart it or declare queues its own way without touching the broker the other tests share.
/// </summary>
public static class PrivateBroker
{
    public static string FolderOf(string name) => Path.Combine(TestServices.RepositoryRoot, ".esf", "test", name);

    /// <summary>Starts a fresh, empty node and answers its AMQP URI.</summary>
    public static async Task<string> StartAsync(string folder) => (await RunAsync("start", folder)).Trim();

    /// <summary>Stops and starts the node on the same port with its data, as an operator's restart does.</summary>
    public static Task RestartAsync(string folder) => RunAsync("restart", folder);

    public static Task StopAsync(string folder) => RunAsync("stop", folder);

    private static async Task<string> RunAsync(string verb, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(TestServices.RepositoryRoot, "scripts", "rabbitmq.sh"), verb, folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"rabbitmq.sh {verb} {folder} failed:{Environment.NewLine}{await errors}");
    }
}
