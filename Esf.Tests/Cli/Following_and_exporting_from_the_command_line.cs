using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Api.Cli;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Cli;

/// <summary>The read verbs against a running gateway: status, updates (with its saved cursor) and export (with resume).</summary>
[TestFixture]
public sealed class Following_and_exporting_from_the_command_line
{
    private static GatewayFixture Fixture => CliGateway.Fixture;

    [Test]
    public async Task Should_print_statuses_follow_the_feed_from_its_saved_cursor_and_resume_an_export()
    {
        // Arrange
        var driver = await PipelineDriver.StartAsync(Fixture);
        long[] ids = [.. (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(TestInvoices.Build(driver.Tenant))))
            .Accepted.Select(a => a.InvoiceId!.Value)];
        foreach (var id in ids)
        {
            await driver.FinishedAsync(id);
        }

        await Fixture.Get<SessionService>().CloseAsync(driver.Session.SessionId, CancellationToken.None);
        using var run = new CliRun();
        var login = Login(driver.Tenant, run);
        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        var status = await Run(run, StatusCommand.RunAsync, [.. login, $"{ids[0]}", $"{ids[1]}"]);
        var firstFollow = await Run(run, (a, e) => UpdatesCommand.RunAsync(a, e, CancellationToken.None), [.. login]);
        var secondFollow = await Run(run, (a, e) => UpdatesCommand.RunAsync(a, e, CancellationToken.None), [.. login]);
        var export = await Run(run, ExportCommand.RunAsync, [.. login, "--from", today, "--to", today, "--format", "jsonl", "--asc", "--sort", "num", "--file", "out.jsonl"]);
        var complete = await File.ReadAllLinesAsync(run.Path("out.jsonl"));
        await File.WriteAllTextAsync(run.Path("out.jsonl"), complete[0] + "\n" + complete[1][..40]);
        var resumed = await Run(run, ExportCommand.RunAsync, [.. login, "--from", today, "--to", today, "--format", "jsonl", "--asc", "--sort", "num", "--file", "out.jsonl", "--resume"]);
        string[] xmlExport = [.. login, "--from", today, "--to", today, "--asc", "--sort", "num", "--file", "out.xml"];
        var xml = await Run(run, ExportCommand.RunAsync, xmlExport);
        var wholeXml = await File.ReadAllTextAsync(run.Path("out.xml"));
        await File.WriteAllTextAsync(run.Path("out.xml"), wholeXml[..(wholeXml.LastIndexOf("<v2:invoice", StringComparison.Ordinal) + 40)]);
        var resumedXml = await Run(run, ExportCommand.RunAsync, [.. xmlExport, "--resume"]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.ExitCode, Is.Zero, status.ToString());
            Assert.That(status.Out, Does.Contain($"{ids[0]}\tCREATED\tESF-").And.Contain($"{ids[1]}\tCREATED\tESF-"));
            Assert.That(firstFollow.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("status").GetString()),
                Is.EquivalentTo(new[] { "IN_QUEUE", "IN_QUEUE", "CREATED", "CREATED" }), firstFollow.ToString());
            Assert.That(secondFollow.Out, Is.Empty, "the saved cursor: nothing is printed twice");
            Assert.That(export.ExitCode, Is.Zero, export.ToString());
            Assert.That(resumed.ExitCode, Is.Zero, resumed.ToString());
            Assert.That(await File.ReadAllLinesAsync(run.Path("out.jsonl")), Is.EqualTo(complete), "the cut line is written again, nothing twice");
            Assert.That((xml.ExitCode, resumedXml.ExitCode), Is.EqualTo((0, 0)), resumedXml.ToString());
            Assert.That(await File.ReadAllTextAsync(run.Path("out.xml")), Is.EqualTo(wholeXml), "the cut invoice is written again, nothing twice");
        }
    }

    [Test]
    public async Task Should_upload_batches_in_parallel_and_resume_without_sending_accepted_files_again()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var run = new CliRun();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            run.Write($"invoices/{name}.xml", System.Text.Encoding.UTF8.GetBytes(TestInvoices.Build(tenant)));
        }

        var login = Login(tenant, run);

        // Act
        var first = await Run(run, UploadCommand.RunAsync, [.. login, "invoices/a.xml", "invoices/b.xml", "invoices/c.xml", "--batch-size", "1", "--parallel", "3"]);
        var resumed = await Run(run, UploadCommand.RunAsync, [.. login, "invoices", "--batch-size", "1", "--parallel", "3", "--resume"]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Error, Does.Contain("[##############################] 3/3 batches"));
            Assert.That(resumed.ExitCode, Is.Zero, resumed.ToString());
            Assert.That(resumed.Error, Does.Contain("Resuming: 3 file(s)"));
            Assert.That(resumed.Out, Does.Contain("invoices/d.xml"), resumed.ToString());
            Assert.That(AcceptedLines(resumed), Is.SupersetOf(AcceptedLines(first)), "a, b and c are reported with their earlier invoices, not sent again");
        }
    }

    private static IEnumerable<string> AcceptedLines(CliResult result) =>
        result.Out.Split('\n', StringSplitOptions.TrimEntries).Where(line => line.StartsWith("accepted", StringComparison.Ordinal));

    private static async Task<CliResult> Run(CliRun run, Func<string[], CliEnvironment, Task<int>> verb, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await verb(args, new CliEnvironment(output, error, run.Directory));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

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
