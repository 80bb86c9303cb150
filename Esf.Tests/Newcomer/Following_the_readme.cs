using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Cli;
using Esf.Tests.Infrastructure;
using Esf.Tests.Infrastructure.Processes;
using NUnit.Framework;

namespace Esf.Tests.Newcomer;

/// <summary>
/// Issue 10 item 0: the newcomer's path, literally. The gateway starts as <c>scripts/run.sh</c> starts it (Development, the
/// demo seed on by default, development trust, in-memory transport, data under <c>.esf</c>) on an empty database; then the
/// README's "Try it" commands and <c>scripts/demo.sh</c> run as a newcomer types them, and must end CREATED. They run in a
/// scratch copy of the repository's layout (samples, scripts, the built executable), so that the test never touches the
/// developer's own <c>.esf</c>. The one difference from run.sh: a fresh database on the test PostgreSQL instead of a
/// private cluster under <c>.esf/pg</c>. The sandbox is on, as run.sh turns it on in Development, so demo.sh walks it too.
/// </summary>
[TestFixture]
[Category("Newcomer")]
[NonParallelizable]
public sealed class Following_the_readme
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private ScratchDatabase? database;
    private GatewayFixture? gateway;
    private string root = "";

    private GatewayFixture Gateway => gateway!;

    [OneTimeSetUp]
    public async Task StartTheGatewayLikeRunShAsync()
    {
        root = Directory.CreateTempSubdirectory("esf-newcomer-").FullName;
        var repository = TestServices.RepositoryRoot;
        foreach (var file in new[] { "contracts/samples/invoice-v2.xml", "scripts/esf", "scripts/demo.sh" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.Copy(Path.Combine(repository, file), Path.Combine(root, file));
        }

        // scripts/esf runs Esf.Api/bin/Release/net10.0/esf.dll: here, the build the tests run against (File.Copy keeps the modes).
        Directory.CreateDirectory(Path.Combine(root, "Esf.Api/bin/Release"));
        Directory.CreateSymbolicLink(Path.Combine(root, "Esf.Api/bin/Release/net10.0"), Path.GetDirectoryName(EsfProcess.ApplicationPath())!);

        database = await ScratchDatabase.CreateAsync("newcomer");
        // Private host: run.sh's defaults (Development, demo seed, development trust, rate limits on), not the suite's.
        gateway = await GatewayFixture.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Esf"] = database.ConnectionString,
                ["Esf:DataDirectory"] = Path.Combine(root, ".esf"),
                ["Esf:SeedDemo"] = null,
                ["Esf:Security:DevelopmentTrust"] = null,
                ["Esf:RateLimiting:Enabled"] = null,
                // run.sh passes --Esf:Sandbox:Enabled true in Development; no key configured, so it is generated into demo.json.
                ["Esf:Sandbox:Enabled"] = "true",
            },
            environment: "Development");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task Should_register_the_sample_with_the_try_it_commands_of_the_readme()
    {
        // Arrange
        var commands = TryItCommands();
        Assert.That(commands, Has.Count.GreaterThanOrEqualTo(2).And.All.StartWith("scripts/esf "));

        // Act
        var results = new List<CliResult>();
        foreach (var command in commands)
        {
            results.Add(await RunAsync(command));
        }

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", results));
            Assert.That(results[0].Out.Trim(), Does.Match("^[A-Za-z0-9+/]+=*$"), "sign prints the Base64 signature");
            Assert.That(results[^1].Out, Does.Match(@"created +contracts/samples/invoice-v2\.xml +id=\d+ ESF-123456789021-\d{8}-\d{8}"), results[^1].ToString());
            Assert.That(results[^1].Out, Does.Contain("1 accepted, 0 declined, 1 created, 0 failed, 0 unfinished"), results[^1].ToString());
        }
    }

    [Test]
    public async Task Should_register_over_rest_and_soap_and_walk_the_sandbox_with_demo_sh()
    {
        // Act
        var result = await RunAsync("scripts/demo.sh");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Out, Does.Contain("1 accepted, 0 declined, 1 created, 0 failed, 0 unfinished"), "REST: " + result);
            Assert.That(result.Out, Does.Match(@"CREATED, registration number ESF-123456789021-\d{8}-\d{8}"), "SOAP: " + result);
            Assert.That(result.Out, Does.Match(@"seller: БИН \d{12}, head \d{12}, AUTH and SIGN keys"), "sandbox world: " + result);
            Assert.That(result.Out, Does.Contain("the customer confirms it: DELIVERED"), "confirm as the buyer: " + result);
            Assert.That(result.Out, Does.Match(@"corrected invoice \d+ CREATED; the original is now CANCELED"), "correction: " + result);
            Assert.That(result.Out, Does.Match(@"its decline of \d+ after the 10-day window: WRONG_DATE"), "the clock: " + result);
            Assert.That(result.Out, Does.Contain("the clock back, the same decline: DECLINED"), "the clock back: " + result);
            Assert.That(result.Out, Does.Match(@"FAILED with UPL-02\n.*sent again: \d+ CREATED"), "failure and retry: " + result);
            Assert.That(result.Out, Does.Contain("503 with Retry-After: 1; the retry after it: CREATED"), "503 and retry: " + result);
            Assert.That(result.Out, Does.Contain("reset: 4 invoices of the seller removed"), "reset: " + result);
        }
    }

    [Test]
    public async Task Should_upload_after_an_interrupted_run_left_its_session_open()
    {
        // Arrange: an earlier run was interrupted after logging in, so the demo user still has an open session.
        using var demo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, ".esf", "demo.json")));
        string Demo(string name) => demo.RootElement.GetProperty(name).GetString()!;
        await Gateway.Get<SessionService>().CreateAsync(
            new CreateSessionRequest(Demo("sellerTin"), await File.ReadAllTextAsync(Demo("certificatePath")), Demo("userIin"), Demo("password")),
            CancellationToken.None);
        var sample = await File.ReadAllTextAsync(Path.Combine(root, "contracts/samples/invoice-v2.xml"));
        await File.WriteAllTextAsync(Path.Combine(root, "again.xml"), sample.Replace("<num>1001</num>", $"<num>{TestTenant.UniqueNum()}</num>"));

        // Act
        var result = await RunAsync("scripts/esf upload again.xml --wait");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Error, Does.Contain("closed the user's open session"), result.ToString());
            Assert.That(result.Out, Does.Contain("1 accepted, 0 declined, 1 created, 0 failed, 0 unfinished"), result.ToString());
        }
    }

    /// <summary>The lines of the README's first <c>sh</c> block under "Try it", as a newcomer copies them (comments and all).</summary>
    private static List<string> TryItCommands()
    {
        var readme = File.ReadAllText(Path.Combine(TestServices.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Try it", StringComparison.Ordinal)..];
        var block = Regex.Match(section, "```sh\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    /// <summary>Runs one command line with bash at the scratch root, as typed in a terminal there.</summary>
    private async Task<CliResult> RunAsync(string commandLine)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"«{commandLine}» did not end within {CommandTimeout}:\n{await output}\n{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
