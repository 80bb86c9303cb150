using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Procurement;
using Esf.Tests.Rules;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>
/// The ЭГЗ checks cost nothing to invoices that name no act and no contract: the worker's loader asks the database only when
/// an invoice of the batch names one (issue 14: no query for the others).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ProcurementFactsTests
{
    [Test]
    public async Task LoadAsync_WhenNoInvoiceNamesAnActOrAContract_AsksTheDatabaseNothing()
    {
        var body = ValidBody.Create();
        (body.DeliveryDocNum, body.DeliveryDocNum2, body.DeliveryTerm) = (null, null, null);

        var facts = await ProcurementFacts.LoadAsync(Unusable(), [Document(body)], CancellationToken.None);

        Assert.That(facts.Act(ProcurementActs.Number, ValidBody.Seller), Is.Null);
    }

    [TestCase("act")]
    [TestCase("contract")]
    public void LoadAsync_WhenAnInvoiceNamesAnActOrAContract_AsksTheDatabase(string named)
    {
        var body = ValidBody.Create();
        (body.DeliveryDocNum, body.DeliveryTerm) = named == "act"
            ? (ProcurementActs.Number, (DeliveryTerm?)null)
            : ((string?)null, new DeliveryTerm { ContractNum = "ГЗ-55" });

        Assert.That(() => ProcurementFacts.LoadAsync(Unusable(), [Document(body)], CancellationToken.None), Throws.InvalidOperationException);
    }

    /// <summary>A connection without a connection string: any query on it throws.</summary>
    private static NpgsqlConnection Unusable() => new();

    private static InvoiceDocument Document(InvoiceBody body) =>
        ValidBody.Document(body) with { Sellers = body.Sellers.Select(s => new InvoiceParty(s.Tin, s.Name)).ToList() };
}
