using System.Globalization;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;

namespace Esf.Tests.Rules;

/// <summary>An ЭГЗ act that transferred exactly what a body holds, registered for its supplier and named by the body (32.1).</summary>
internal static class ProcurementActs
{
    public const string Number = "АКТ-2026-17";

    public static ProcurementDocument From(InvoiceBody b) => new(
        Number, new DateOnly(2026, 11, 14), b.DeliveryTerm!.ContractNum!,
        DateOnly.ParseExact(b.DeliveryTerm.ContractDate!, "dd.MM.yyyy", CultureInfo.InvariantCulture), b.Sellers[0].Tin!, b.Customers[0].Tin!,
        b.ProductSet.Products.Select(p => new ProcurementItem(p.Description!, p.UnitCode, p.Quantity ?? 0, p.PriceWithoutTax ?? 0, p.PriceWithTax ?? 0))
            .ToList());

    public static void IssueOn(InvoiceBody b, FakeRegistryView registry, ProcurementActStatus status = ProcurementActStatus.Approved)
    {
        b.DeliveryTerm ??= new DeliveryTerm();
        (b.DeliveryTerm.ContractNum, b.DeliveryTerm.ContractDate) = (b.DeliveryTerm.ContractNum ?? "ГЗ-55", b.DeliveryTerm.ContractDate ?? "01.10.2026");
        (b.DeliveryDocNum, b.DeliveryDocDate) = (Number, "14.11.2026");
        registry.Acts[(Number, b.Sellers[0].Tin!)] = new ProcurementAct(From(b), status);
    }
}
