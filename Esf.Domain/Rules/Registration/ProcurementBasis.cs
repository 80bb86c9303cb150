using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Domain.Waybills;

namespace Esf.Domain.Rules.Registration;

/// <summary>
/// Which document of the procurement portal (ЭГЗ) an invoice is issued on. On an act when the document confirming delivery
/// names an act of its supplier: field 32.1, or 32.3 when 32.1 holds the waybill it is issued on together with the act
/// (spec-rest §3.4, Rules p.53). Otherwise on a contract when its contract number (deliveryTerm) is that of a contract of its
/// supplier with the same customer (spec-rest §3.3). An invoice naming neither asks the registry nothing of this.
/// </summary>
public static class ProcurementBasis
{
    /// <summary>The act number the invoice names (32.1, or 32.3 beside a waybill), or null.</summary>
    public static string? ActNumberOf(InvoiceBody body) =>
        (SntBasis.NumberOf(body) is null ? body.DeliveryDocNum : body.DeliveryDocNum2)?.Trim() is { Length: > 0 } number ? number : null;

    /// <summary>The field that names the act: 32.1, or 32.3 beside a waybill.</summary>
    public static string ActField(InvoiceBody body) => SntBasis.NumberOf(body) is null ? "deliveryDocNum" : "deliveryDocNum2";

    /// <summary>The contract number of the invoice (deliveryTerm), or null.</summary>
    public static string? ContractNumberOf(InvoiceBody body) => body.DeliveryTerm?.ContractNum?.Trim() is { Length: > 0 } number ? number : null;

    /// <summary>The ЭГЗ act the invoice is issued on, or null.</summary>
    public static ProcurementAct? Act(RegistrationContext c) =>
        ActNumberOf(c.Document.Body) is { } number && c.Document.SellerTin is { } seller ? c.Registry.ProcurementAct(number, seller) : null;

    /// <summary>The ЭГЗ contract the invoice is issued on: one naming no act, with the contract's number, supplier and customer; or null.</summary>
    public static ProcurementContract? Contract(RegistrationContext c) =>
        Act(c) is null && ContractNumberOf(c.Document.Body) is { } number && c.Document.SellerTin is { } seller
            && c.Registry.ProcurementContract(number, seller) is { } contract && contract.Document.CustomerTin == c.Document.Body.Customers.FirstOrDefault()?.Tin
            ? contract
            : null;

    /// <summary>The registered waybill an invoice on an act is issued on too (32.1), or null.</summary>
    public static RegisteredWaybill? WaybillBesideAct(RegistrationContext c) =>
        Act(c) is not null && SntBasis.NumberOf(c.Document.Body) is { } number ? c.Registry.Waybills?.Find(number) : null;

    /// <summary>The waybills no invoice on an act is issued with: import, temporary import and export (spec-rest §3.4).</summary>
    public static bool IsCrossBorder(WaybillDocument waybill) =>
        waybill.Movement is WaybillMovement.Import or WaybillMovement.TemporaryImport or WaybillMovement.Export;
}
