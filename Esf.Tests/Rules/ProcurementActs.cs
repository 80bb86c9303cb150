using System.Globalization;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;

namespace Esf.Tests.Rules;

/// <summary>
/// An ЭГЗ act or contract that transferred exactly what a body holds, registered for its supplier and named by the body: an
/// act by 32.1 (or 32.3 beside a waybill), a contract by its number (deliveryTerm).
/// </summary>
internal static class ProcurementActs
{
    public const string Number = "АКТ-2026-17";

    public static ProcurementDocument From(InvoiceBody b) => new(
        Number, new DateOnly(2026, 11, 14), b.DeliveryTerm!.ContractNum!,
        DateOnly.ParseExact(b.DeliveryTerm.ContractDate!, "dd.MM.yyyy", CultureInfo.InvariantCulture), b.Sellers[0].Tin!, b.Customers[0].Tin!,
        b.ProductSet.Products.Select(p => new ProcurementItem(p.Description!, p.UnitCode, p.Quantity ?? 0, p.PriceWithoutTax ?? 0, p.PriceWithTax ?? 0))
            .ToList());

    public static void IssueOn(
        InvoiceBody b, FakeRegistryView registry, ProcurementActStatus status = ProcurementActStatus.Approved, IReadOnlyList<LinkedInvoice>? invoices = null)
    {
        WithContract(b);
        (b.DeliveryDocNum, b.DeliveryDocDate) = (Number, "14.11.2026");
        registry.Acts[(Number, b.Sellers[0].Tin!)] = new ProcurementAct(From(b), status) { Invoices = invoices ?? [] };
    }

    /// <summary>
    /// The body becomes the invoice Table 28 gives from a confirmed waybill citing contract ГЗ-55, with an act of that contract
    /// in 32.3 (spec-rest §3.4); <paramref name="change"/> then changes the waybill.
    /// </summary>
    public static void IssueBesideWaybill(InvoiceBody b, FakeRegistryView registry, Action<WaybillBody> change)
    {
        var citing = WaybillScenarios.Primary(w => (w.Contract.HasContract, w.Contract.Num, w.Contract.Date) = (true, "ГЗ-55", "01.10.2026"));
        WaybillScenarios.Overwrite(b, WaybillScenarios.Invoice(citing));
        IssueBesideWaybill(b, registry);
        change(citing.Body);
        registry.WaybillStore.Add(citing, WaybillStatus.Confirmed);
    }

    private static void IssueBesideWaybill(InvoiceBody b, FakeRegistryView registry)
    {
        WithContract(b);
        (b.DeliveryDocNum2, b.DeliveryDocDate2) = (Number, "14.11.2026");
        registry.Acts[(Number, b.Sellers[0].Tin!)] = new ProcurementAct(From(b), ProcurementActStatus.Approved);
    }

    /// <summary>The body is an invoice on a contract of its supplier and customer, with the contract's number and date.</summary>
    public static void IssueOnContract(
        InvoiceBody b, FakeRegistryView registry, ProcurementContractStatus status = ProcurementContractStatus.Active, params string[] approvedActs)
    {
        WithContract(b);
        registry.Contracts[(b.DeliveryTerm!.ContractNum!, b.Sellers[0].Tin!)] =
            new ProcurementContract(From(b) with { Number = b.DeliveryTerm.ContractNum! }, status, approvedActs);
    }

    private static void WithContract(InvoiceBody b)
    {
        b.DeliveryTerm ??= new DeliveryTerm();
        (b.DeliveryTerm.ContractNum, b.DeliveryTerm.ContractDate) = (b.DeliveryTerm.ContractNum ?? "ГЗ-55", b.DeliveryTerm.ContractDate ?? "01.10.2026");
    }
}
