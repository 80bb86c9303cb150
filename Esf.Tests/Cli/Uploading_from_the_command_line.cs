using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Cli;

[TestFixture]
public sealed class Uploading_from_the_command_line
{
    private static GatewayFixture Fixture => CliGateway.Fixture;

    [Test]
    public async Task Should_sign_upload_in_batches_wait_for_registration_and_log_out()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("invoices/a.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        run.Write("invoices/b.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));

        // Act
        var result = await run.UploadAsync(
            [.. Login(tenant, run), "invoices", "--batch-size", "1", "--idempotency-key", "cli-test", "--wait"]);

        // Assert
        var lines = result.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(lines, Has.Exactly(2).Match(@"^accepted +invoices/[ab]\.xml +id=\d+"), result.ToString());
            Assert.That(lines, Has.Exactly(2).Match(@"^created +invoices/[ab]\.xml +id=\d+ ESF-\d{12}-\d{8}-\d{8}$"), result.ToString());
            Assert.That(lines.Last(), Is.EqualTo("2 accepted, 0 declined, 2 created, 0 failed, 0 unfinished"));
        }

        Assert.That(await tenant.OpenSessionAsync(Fixture), Is.Not.Empty, "the command closed its session, so a new one can open");
    }

    [Test]
    public async Task Should_exit_1_and_print_the_errors_of_a_declined_invoice()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("good.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        run.Write("broken.xml", Encoding.UTF8.GetBytes("<v2:invoice xmlns:v2=\"v2.esf\">"));

        // Act
        var result = await run.UploadAsync([.. Login(tenant, run), "good.xml", "broken.xml"]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Out, Does.Contain("accepted  good.xml"));
            Assert.That(result.Out, Does.Contain("declined  broken.xml").And.Contain("API-01"));
            Assert.That(result.Out, Does.EndWith("1 accepted, 1 declined" + Environment.NewLine));
        }
    }

    [Test]
    public async Task Should_fail_clearly_for_a_wrong_password()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("invoice.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));

        // Act
        var result = await run.UploadAsync([.. Login(tenant, run), "--password", "wrong", "invoice.xml"]);

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("Log-in refused").And.Contain("PASSWORD_INVALID"));
    }

    [Test]
    public async Task Should_fail_clearly_when_the_server_is_unreachable()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("invoice.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));

        // Act
        var result = await run.UploadAsync([.. Login(tenant, run), "--url", "http://127.0.0.1:1", "invoice.xml"]);

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("Cannot reach the gateway at http://127.0.0.1:1/"));
    }

    [Test]
    public async Task Should_fail_clearly_for_a_missing_file()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();

        // Act
        var result = await run.UploadAsync([.. Login(tenant, run), "missing.xml"]);

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("File or folder not found").And.Contain("missing.xml"));
    }

    [Test]
    public async Task Should_log_in_with_a_signed_ticket_instead_of_a_password()
    {
        // Arrange: no --login and no --password; the ticket is signed with the tenant's key, whose certificate names the user.
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("invoice.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        var pkcs12 = run.Write("tenant.p12", tenant.Certificate.Export(X509ContentType.Pkcs12, TestKeys.Pkcs12Password));

        // Act
        var result = await run.UploadAsync(
            "--url", Fixture.BaseAddress.ToString(), "--tin", tenant.SellerTin, "--pkcs12", pkcs12, "--pkcs12-password", TestKeys.Pkcs12Password,
            "--signed-login", "invoice.xml", "--wait");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("1 accepted, 0 declined, 1 created, 0 failed, 0 unfinished"));
        Assert.That(await tenant.OpenSessionAsync(Fixture), Is.Not.Empty, "the command closed its signed session");
    }

    [TestCase(false, TestName = "Should_close_a_stale_session_by_credentials_and_log_in_again")]
    [TestCase(true, TestName = "Should_close_a_stale_session_by_a_signed_ticket_and_log_in_again_with_another")]
    public async Task Should_close_a_stale_session_and_log_in_again(bool signedLogin)
    {
        // Arrange: an interrupted earlier run left its session open (one open session per user).
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("invoice.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        var login = Login(tenant, run);
        // The signed login names no --login and no --password: Login's first four options are the gateway's, its last four the key's.
        var options = signedLogin ? [.. login[..4].Concat(login[^4..]), "--signed-login"] : login;
        var stale = await tenant.OpenSessionAsync(Fixture);

        // Act
        var result = await run.UploadAsync([.. options, "invoice.xml", "--wait"]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Error, Does.Contain("closed the user's open session"), result.ToString());
            Assert.That(result.ToString(), Does.Not.Contain(stale), "the CLI never prints a session id");
            Assert.That(result.Out, Does.Contain("1 accepted, 0 declined, 1 created, 0 failed, 0 unfinished"));
        }
    }

    [Test]
    public async Task Should_resume_an_interrupted_upload_without_uploading_twice_and_wait_for_the_earlier_invoices()
    {
        // Arrange: a first run got both files accepted, but was interrupted after the gateway accepted b.xml and before it
        // recorded that in its state file.
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        run.Write("invoices/a.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        run.Write("invoices/b.xml", Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        var first = await run.UploadAsync([.. Login(tenant, run), "invoices", "--batch-size", "1", "--resume"]);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var state = JsonNode.Parse(File.ReadAllText(run.Path(".esf/upload-state.json")))!.AsObject();
        state.Remove(state.Single(p => p.Key.EndsWith("b.xml", StringComparison.Ordinal)).Key);
        File.WriteAllText(run.Path(".esf/upload-state.json"), state.ToJsonString());

        // Act
        var second = await run.UploadAsync([.. Login(tenant, run), "invoices", "--batch-size", "1", "--resume", "--wait"]);

        // Assert: the same two invoices (b.xml's earlier upload found by its idempotency key), both registered.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(Ids(second, "accepted"), Is.EquivalentTo(Ids(first, "accepted")), second.ToString());
            Assert.That(second.Out, Does.Contain("2 accepted, 0 declined, 2 created, 0 failed, 0 unfinished"), second.ToString());
        }
    }

    private static IEnumerable<string> Ids(CliResult result, string outcome) =>
        Regex.Matches(result.Out, $@"^{outcome} +\S+ +(id=\d+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

    /// <summary>The options naming the gateway, the tenant's account and its key (exported to a PKCS#12 file).</summary>
    private string[] Login(TestTenant tenant, CliRun run)
    {
        var pkcs12 = run.Write("tenant.p12", tenant.Certificate.Export(X509ContentType.Pkcs12, TestKeys.Pkcs12Password));
        return
        [
            "--url", Fixture.BaseAddress.ToString(), "--tin", tenant.SellerTin, "--login", tenant.UserIin, "--password", tenant.Password,
            "--pkcs12", pkcs12, "--pkcs12-password", TestKeys.Pkcs12Password,
        ];
    }
}
