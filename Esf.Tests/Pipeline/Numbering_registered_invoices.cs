using System.Globalization;
using Esf.Domain.Invoices;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// C1 / L4: the 8-digit tail of a registration number is non-sequential (Rules p.3.15 «уникального непоследовательного номера»,
/// esf-api-facts §15) and unique when many invoices register at once.
/// </summary>
[TestFixture]
public sealed class Numbering_registered_invoices
{
    private static GatewayFixture Fixture => PipelineGateway.Fixture;

    [Test]
    public async Task Should_give_the_invoices_of_one_batch_tails_that_are_not_consecutive()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);

        var numbers = await RegisterAsync(driver, 5);
        var tails = numbers.Select(Tail).ToList();

        Assert.That(numbers, Has.All.Match($@"^ESF-{driver.Tenant.SellerTin}-\d{{8}}-\d{{8}}$"));
        Assert.That(tails.Zip(tails.Skip(1)).Where(pair => Math.Abs(pair.First - pair.Second) == 1), Is.Empty, string.Join(", ", numbers));
    }

    [Test]
    public async Task Should_give_every_invoice_registered_in_parallel_its_own_number()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RegisterAsync(driver, 3)));
        var numbers = batches.SelectMany(b => b).ToList();

        Assert.That(numbers, Has.Count.EqualTo(12));
        Assert.That(numbers, Is.Unique);
    }

    private static async Task<List<string>> RegisterAsync(PipelineDriver driver, int count)
    {
        var upload = await driver.UploadAsync([.. Enumerable.Range(0, count).Select(_ => driver.Item(TestInvoices.Build(driver.Tenant)))]);
        var numbers = new List<string>();
        foreach (var accepted in upload.Accepted)
        {
            var invoice = await driver.FinishedAsync(accepted.InvoiceId!.Value);
            Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
            numbers.Add(invoice.RegistrationNumber!);
        }

        return numbers;
    }

    private static long Tail(string number) => long.Parse(number[^8..], CultureInfo.InvariantCulture);
}
