using Esf.Api.Cli;
using Esf.Api.Rest.Invoices;
using NUnit.Framework;

namespace Esf.Tests.Cli;

/// <summary><c>esf upload</c>'s lines name an invoice's date as the ESF writes it (dd.MM.yyyy), not in the process's culture.</summary>
[TestFixture]
public sealed class UploadReportTests
{
    [Test]
    public void Should_print_the_invoice_date_as_the_esf_writes_it()
    {
        using var output = new StringWriter();
        var report = new UploadReport(new CliEnvironment(output, TextWriter.Null, "."));

        report.Accepted("a.xml", new AcceptedInvoiceView(0, 7, "1001", new DateOnly(2026, 11, 15)));
        report.Declined("b.xml", new DeclinedInvoiceView(1, "1002", new DateOnly(2026, 11, 5), []));

        Assert.That(output.ToString(), Does.Contain("id=7 num=1001 date=15.11.2026").And.Contain("num=1002 date=05.11.2026"));
    }
}
