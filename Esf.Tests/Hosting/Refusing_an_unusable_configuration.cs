using System.Diagnostics;
using Esf.Infrastructure;
using Esf.Infrastructure.Demo;
using Esf.Tests.Infrastructure;
using Esf.Tests.Infrastructure.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Hosting;

/// <summary>
/// Every options section is validated before the process starts anything: a value that cannot work refuses to start with a
/// message naming the key, instead of a process that serves only health checks (<c>Esf:Roles=workr</c>) or fails later.
/// </summary>
[TestFixture]
public sealed class Refusing_an_unusable_configuration
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [TestCase("Esf:Roles", "workr", "Esf:Roles is «workr»")]
    [TestCase("Esf:Roles", "gateway,workr", "Esf:Roles is «gateway,workr»")]
    [TestCase("Esf:Roles", " , ", "Esf:Roles is « , »")]
    [TestCase("Esf:MaxRequestBytes", "0", "Esf:MaxRequestBytes must be above 0")]
    [TestCase("Esf:MaxInvoicesPerUpload", "0", "Esf:MaxInvoicesPerUpload must be above 0")]
    [TestCase("Esf:SessionIdleMinutes", "-1", "Esf:SessionIdleMinutes must be above 0")]
    [TestCase("Esf:RelayGraceSeconds", "0", "Esf:RelayGraceSeconds must be above 0")]
    [TestCase("Esf:RelayMaxAttempts", "0", "Esf:RelayMaxAttempts must be above 0")]
    [TestCase("Esf:RabbitMq", "rabbitmq:5672", "Esf:RabbitMq must be an absolute amqp:// or amqps:// URI")]
    [TestCase("Esf:RabbitMq", "http://127.0.0.1:15672/", "Esf:RabbitMq must be an absolute amqp:// or amqps:// URI")]
    [TestCase("Esf:RabbitMq", "/esf", "Esf:RabbitMq must be an absolute amqp:// or amqps:// URI")]
    [TestCase("Esf:Otlp:Endpoint", "otel-collector:4317", "Esf:Otlp:Endpoint must be an absolute http:// or https:// URI")]
    [TestCase("Esf:Webhooks:PollMilliseconds", "0", "Esf:Webhooks:PollMilliseconds must be above 0")]
    [TestCase("Esf:Webhooks:MaxAttempts", "0", "Esf:Webhooks:MaxAttempts must be above 0")]
    [TestCase("Esf:Webhooks:TimeoutSeconds", "0", "Esf:Webhooks:TimeoutSeconds must be above 0")]
    [TestCase("Esf:Webhooks:LeaseSeconds", "60", "Esf:Webhooks:LeaseSeconds must be above DispatchBudgetSeconds + TimeoutSeconds")]
    [TestCase("Esf:Webhooks:Parallelism", "0", "Esf:Webhooks:Parallelism must be above 0")]
    [TestCase("Esf:Quotas:ApiKeysPerTenant", "0", "Esf:Quotas:ApiKeysPerTenant must be above 0")]
    [TestCase("Esf:Quotas:IdempotencyKeyRetentionHours", "0", "Esf:Quotas:IdempotencyKeyRetentionHours must be above 0")]
    [TestCase("Esf:Quotas:MaxPageBytes", "-1", "Esf:Quotas:MaxPageBytes must be above 0")]
    [TestCase("Esf:Quotas:StreamRecheckSeconds", "31", "Esf:Quotas:StreamRecheckSeconds must be between 0 and 30")]
    [TestCase("Esf:Quotas:ConcurrentStreamsPerTenant", "0", "Esf:Quotas:ConcurrentStreamsPerTenant must be above 0")]
    [TestCase("Esf:RateLimiting:LoginPerIpPerMinute", "-1", "Esf:RateLimiting:LoginPerIpPerMinute must be 0 (off) or above")]
    [TestCase("Esf:AdminApiKey", "test-admin-key", "Esf:AdminApiKey must be at least 32 characters")]
    [TestCase("Esf:PublicBaseUrl", "esf.example.kz", "Esf:PublicBaseUrl must be an absolute http:// or https:// URI")]
    [TestCase("Esf:PublicBaseUrl", "https://esf.example.kz/?next=1", "Esf:PublicBaseUrl must be an absolute http:// or https:// URI")]
    [TestCase("Esf:Http:RequestHeadersTimeoutSeconds", "0", "Esf:Http:RequestHeadersTimeoutSeconds must be above 0")]
    [TestCase("Esf:Http:KnownProxies:0", "nginx", "Esf:Http:KnownProxies: «nginx» is not an IP address")]
    [TestCase("Esf:Http:KnownNetworks:0", "172.18.0.0", "Esf:Http:KnownNetworks: «172.18.0.0» is not a network")]
    public async Task Should_refuse_to_start_the_host_naming_the_key(string key, string value, string message)
    {
        var refusal = await RefusalAsync(new Dictionary<string, string?> { [key] = value });

        Assert.That(refusal, Is.Not.Null, $"{key}={value} started a host");
        Assert.That(refusal!.Message, Does.Contain(message));
    }

    [TestCase("Production", "gateway")]
    [TestCase("Production", "worker")]
    [TestCase("Staging", "gateway,worker")]
    public async Task Should_refuse_to_start_without_a_trust_store_outside_development(string environment, string roles)
    {
        var refusal = await RefusalAsync(new Dictionary<string, string?> { ["Esf:Roles"] = roles, ["Esf:Security:DevelopmentTrust"] = "false" }, environment);

        Assert.That(refusal, Is.Not.Null, $"{environment} started without a trust store");
        Assert.That(refusal!.Message, Does.Contain($"No trust store is configured and the environment is {environment}")
            .And.Contain("Esf:Security:TrustedCaPaths").And.Contain("Esf:Security:CrlPaths").And.Contain("Esf:Security:DevelopmentTrust=true"));
    }

    [Test]
    public async Task Should_refuse_the_demo_seed_outside_development_without_development_trust()
    {
        using var trust = TrustStoreFiles.Create();
        var refusal = await RefusalAsync(new Dictionary<string, string?>(trust.Settings)
        {
            ["Esf:Security:DevelopmentTrust"] = "false",
            ["Esf:SeedDemo"] = "true",
        }, "Production");

        Assert.That(refusal, Is.Not.Null, "the demo seed ran in Production with a real trust store");
        Assert.That(refusal!.Message, Does.Contain("Esf:SeedDemo=true creates a user with a published password"));
    }

    [Test]
    public async Task Should_refuse_to_start_in_production_without_a_public_base_url()
    {
        using var trust = TrustStoreFiles.Create();
        var refusal = await RefusalAsync(new Dictionary<string, string?>(trust.Settings) { ["Esf:Security:DevelopmentTrust"] = "false" }, "Production");

        Assert.That(refusal, Is.Not.Null, "Production started without Esf:PublicBaseUrl");
        Assert.That(refusal!.Message, Does.Contain("Esf:PublicBaseUrl is not set"));
    }

    [Test]
    public async Task Should_refuse_the_sandbox_in_production()
    {
        var refusal = await RefusalAsync(new Dictionary<string, string?> { ["Esf:Sandbox:Enabled"] = "true" }, "Production");

        Assert.That(refusal, Is.Not.Null, "the sandbox ran in Production");
        Assert.That(refusal!.Message, Does.Contain("Esf:Sandbox:Enabled=true").And.Contain("refused in the Production environment"));
    }

    [Test]
    public async Task Should_start_in_production_with_a_trust_store_and_without_the_demo()
    {
        using var trust = TrustStoreFiles.Create();

        await using var fixture = await GatewayFixture.StartAsync(
            settings: new Dictionary<string, string?>(trust.Settings)
            {
                ["Esf:Security:DevelopmentTrust"] = "false",
                ["Esf:PublicBaseUrl"] = "https://esf.example.kz",
            },
            environment: "Production");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fixture.Get<IOptions<EsfOptions>>().Value.SeedDemo, Is.False);
            Assert.That(fixture.Services.GetService<DemoSeeder>(), Is.Null, "the self-signed demo key cannot be made");
        }
    }

    [Test]
    public async Task Should_start_without_a_trust_store_in_development_with_the_demo_seed_on_by_default()
    {
        var data = Directory.CreateTempSubdirectory("esf-test-demo-").FullName;
        try
        {
            // The fixture switches the seed off; a null value removes that, leaving the environment's default.
            await using var fixture = await GatewayFixture.StartAsync(
                settings: new Dictionary<string, string?>
                {
                    ["Esf:Security:DevelopmentTrust"] = "false",
                    ["Esf:SeedDemo"] = null,
                    ["Esf:DataDirectory"] = data,
                },
                environment: "Development");

            Assert.That(fixture.Get<IOptions<EsfOptions>>().Value.SeedDemo, Is.True);
            Assert.That(File.Exists(Path.Combine(data, "demo", "demo-signer.p12")), Is.True, "the demo key was made");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Test]
    public async Task Should_exit_with_the_reasons_when_the_roles_are_misspelt()
    {
        var (exitCode, error) = await RunServeAsync(["--Esf:Roles", "workr", "--Esf:Security:DevelopmentTrust", "true"], "Production");

        Assert.That(exitCode, Is.EqualTo(Api.Hosting.GatewayApp.ConfigurationRefused), error);
        Assert.That(error, Does.Contain("refusing to start").And.Contain("Esf:Roles is «workr»: name gateway, worker or both"));
    }

    [Test]
    public async Task Should_exit_with_what_to_configure_when_production_has_no_trust_store()
    {
        var (exitCode, error) = await RunServeAsync(["--Esf:Roles", "gateway"], "Production");

        Assert.That(exitCode, Is.EqualTo(Api.Hosting.GatewayApp.ConfigurationRefused), error);
        Assert.That(error, Does.Contain("No trust store is configured and the environment is Production").And.Contain("Esf:Security:TrustedCaPaths"));
    }

    /// <summary>The exception that stopped the host from starting, or null when it started (it is stopped again at once).</summary>
    private static async Task<Exception?> RefusalAsync(IReadOnlyDictionary<string, string?> settings, string? environment = null)
    {
        try
        {
            await using var started = await GatewayFixture.StartAsync(settings: settings, environment: environment);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Runs <c>esf serve</c> as an operator would and waits for it to exit; its standard error says why.</summary>
    private static async Task<(int ExitCode, string Error)> RunServeAsync(string[] arguments, string environment)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(EsfProcess.ApplicationPath());
        foreach (var argument in (string[])["serve", "--urls", "http://127.0.0.1:0", "--ConnectionStrings:Esf", TestServices.RequirePostgres(), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"esf serve {string.Join(' ', arguments)} was still running after {ExitTimeout.TotalSeconds:0} s: it did not refuse to start");
        }

        return (process.ExitCode, await error);
    }
}
