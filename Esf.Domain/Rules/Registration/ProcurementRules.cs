using Esf.Domain.Procurement;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Registration;

/// <summary>
/// Invoices issued on an act of the public procurement portal (ЭГЗ, spec-rest §3.2): the act is named by the document
/// confirming delivery (32.1 «Номер документа, подтверждающего поставку», Rules p.53) among the supplier's acts.
/// </summary>
public static class ProcurementRules
{
    private static ProcurementAct? Act(RegistrationContext c) =>
        c.Document.Body.DeliveryDocNum is { Length: > 0 } number && c.Document.SellerTin is { } seller ? c.Registry.ProcurementAct(number, seller) : null;

    /// <summary>EGZ-01: also the answer of the pre-fill of an invoice on a refused act.</summary>
    public static RegistryRule ActMustNotBeRefused { get; } =
        Reg("EGZ-01", "EGP_AWP_STATUS_NOT_VALID", "Система не позволяет создавать ЭСФ на акт со статусом «Отказано в принятии»",
            "No invoice is issued on an ЭГЗ act refused acceptance", "spec-rest §3.2; seed A:4635–4637", ["deliveryDocNum"],
            c => When(Act(c) is { Status: ProcurementActStatus.AcceptanceRefused }, "deliveryDocNum"));

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        ActMustNotBeRefused,
        Reg("EGZ-02", "EGP_AWP_INVOICE_FIELD_DIFFERS",
            "Данные, перенесенные из Акта ЭГЗ, не подлежат редактированию",
            "A field transferred from the ЭГЗ act was changed", "spec-rest §3.2; seed A:4625–4628",
            ["sellers.seller[0].tin", "customers.customer[0].tin", "deliveryTerm", "productSet.products.product[]"],
            c => Act(c) is { } act ? LockedFields.Changed(c.Document.Body, act.Document, amountsLocked: true) : [],
            "Locked: the supplier and the customer, the contract's number and date, and each line's description, unit, quantity (G6), " +
            "price (G7) and cost (G14), in the act's order. The fields the participant completes (dates, bank details, taxes) stay free."),
    ];
}
