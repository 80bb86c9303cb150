using System.Globalization;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>GEN-08 end to end: importing a deregistration annuls the party's registered invoices turned over after it.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Annulling_invoices_of_deregistered_taxpayers
{
    internal static string Deregistration(string tin, DateOnly on) =>
        $"tin,name_ru,deregistered_on,deregistration_reason\n{tin},ТОО «Покупатель»,{on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},Ликвидация\n";

    private static async Task<InvoiceRecord> RegisterAsync(PipelineDriver driver)
    {
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        Assert.That(upload.Declined, Is.Empty);
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
        return invoice;
    }

    [Test]
    public async Task Should_annul_the_invoices_turned_over_after_the_recipients_deregistration_as_CANCELED_BY_OGD()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var invoice = await RegisterAsync(driver);
        var turnover = DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture);

        var (status, report) = await Importing_registries_from_csv.PostAsync("taxpayers", Deregistration(driver.Tenant.CustomerTin, turnover.AddDays(-1)));

        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK), report.ToString());
        Assert.That(report.GetProperty("annulledInvoices").GetInt32(), Is.EqualTo(1));
        var queries = RegistryGateway.Fixture.Get<InvoiceQueries>();
        var after = (await queries.GetByIdsAsync(driver.Session, [invoice.InvoiceId], CancellationToken.None)).Single();
        Assert.That(after.Status, Is.EqualTo(InvoiceStatus.CanceledByOgd));
        var history = await queries.GetHistoryAsync(driver.Session, [invoice.InvoiceId], CancellationToken.None);
        var annulment = history.Single(h => h.Status == InvoiceStatus.CanceledByOgd);
        Assert.That((annulment.FromStatus, annulment.UserId), Is.EqualTo(((InvoiceStatus?)InvoiceStatus.Created, "registry")));
    }

    [Test]
    public async Task Should_keep_an_invoice_turned_over_on_the_day_of_the_deregistration_and_annul_nothing_on_a_reimport()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var invoice = await RegisterAsync(driver);
        var turnover = DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture);

        var first = await Importing_registries_from_csv.PostAsync("taxpayers", Deregistration(driver.Tenant.CustomerTin, turnover));
        var second = await Importing_registries_from_csv.PostAsync("taxpayers", Deregistration(driver.Tenant.CustomerTin, turnover));

        Assert.That(first.Body.GetProperty("annulledInvoices").GetInt32(), Is.Zero);
        Assert.That(second.Body.GetProperty("annulledInvoices").GetInt32(), Is.Zero);
        var after = (await RegistryGateway.Fixture.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, [invoice.InvoiceId], CancellationToken.None)).Single();
        Assert.That(after.Status, Is.EqualTo(InvoiceStatus.Created));
    }
}
