using Esf.Domain.Procurement;
using Esf.Domain.Waybills;
using static Esf.Domain.Rules.Document.Define;
using static Esf.Domain.Rules.Registration.ProcurementBasis;

namespace Esf.Domain.Rules.Registration;

/// <summary>
/// Invoices issued on an act or a contract of the public procurement portal (ЭГЗ, spec-rest §3.2–3.4), which
/// <see cref="ProcurementBasis"/> resolves. Every rule passes for an invoice on neither.
/// </summary>
public static class ProcurementRules
{
    private const string ActBasis = "spec-rest §3.2; seed A:4612–4637";
    private const string ContractBasis = "spec-rest §3.3; seed A:4639–4676";
    private const string ActAndWaybillBasis = "spec-rest §3.4; seed A:4678–4739";

    private static readonly string[] ActFields = ["deliveryDocNum", "deliveryDocNum2"];

    private static readonly string[] TransferredFields =
        ["sellers.seller[0].tin", "customers.customer[0].tin", "deliveryTerm", "productSet.products.product[]"];

    /// <summary>A rule failing each field <see cref="LockedFields"/> finds changed against the document the invoice is on.</summary>
    private static RegistryRule Unchanged(
        string id, string errorCode, string ru, string en, string basis, Func<RegistrationContext, ProcurementDocument?> source, bool amountsLocked,
        string decision) =>
        Reg(id, errorCode, ru, en, basis, TransferredFields,
            c => source(c) is { } document ? LockedFields.Changed(c.Document.Body, document, amountsLocked) : [], decision);

    /// <summary>EGZ-01: also the answer of the pre-fill of an invoice on a refused act.</summary>
    public static RegistryRule ActMustNotBeRefused { get; } =
        Reg("EGZ-01", "EGP_AWP_STATUS_NOT_VALID", "Система не позволяет создавать ЭСФ на акт со статусом «Отказано в принятии»",
            "No invoice is issued on an ЭГЗ act refused acceptance", ActBasis, ActFields,
            c => When(Act(c) is { Status: ProcurementActStatus.AcceptanceRefused }, ActField(c.Document.Body)));

    /// <summary>EGZ-03: also the answer of the pre-fill of an invoice on an act that has one.</summary>
    public static RegistryRule OneInvoiceInForcePerAct { get; } =
        Reg("EGZ-03", "EGP_AWP_INVOICE_PROHIBITED_MULTIPLE_INVOICE_CREATION",
            "Запрещается создавать несколько действующих ЭСФ на один Акт ЭГЗ: на этот акт уже выписан ЭСФ",
            "One ЭГЗ act is the basis of one invoice in force: an invoice was already issued on it", $"{ActBasis}; {ActAndWaybillBasis}", ActFields,
            c => When(Act(c) is { } act && LinkedInvoice.AnotherInForce(act.Invoices, c.Document.Body), ActField(c.Document.Body)),
            "As R004 for a waybill: only invoices in force count (CREATED, DELIVERED, blocked for ИС ГО), so once the first is annulled, " +
            "revoked or declined a new one may be issued; a corrected invoice does not count the invoice it corrects. Invoices registered " +
            "earlier in the same batch count.");

    /// <summary>EGZ-04: also the answer of the pre-fill of an invoice on a contract not in force.</summary>
    public static RegistryRule ContractMustBeInForce { get; } =
        Reg("EGZ-04", "EGP_CONTRACT_STATUS_NOT_VALID", "Система не позволяет выписывать ЭСФ на договоры ЭГЗ отличные от статуса «Действует»",
            "An invoice on an ЭГЗ contract needs the contract in force («Действует»)", ContractBasis, ["deliveryTerm"],
            c => When(Contract(c) is { Status: not ProcurementContractStatus.Active }, "deliveryTerm"));

    /// <summary>EGZ-05: also the answer (409) of the pre-fill of an invoice on a contract that has an approved act.</summary>
    public static RegistryRule ApprovedActTakesPriority { get; } =
        Reg("EGZ-05", "EGP_WRONG_RELATIONS", "При наличии связанного утвержденного Акта выписка ЭСФ на основе Акта имеет приоритет",
            "A contract with an approved act is invoiced on the act, not on the contract", ContractBasis, ["deliveryDocNum"],
            c => When(Contract(c) is { ApprovedActs.Count: > 0 }, "deliveryDocNum"),
            "The seed leaves open whether the contract path is blocked or only discouraged (spec-rest §3.3): blocked, since an invoice " +
            "on the contract would leave the approved act open to a second invoice for the same delivery.");

    /// <summary>EGZ-07: also the answer of the pre-fill of an invoice on an act and a waybill.</summary>
    public static RegistryRule WaybillOfTheSameContract { get; } =
        Reg("EGZ-07", "EGP_WRONG_RELATIONS", "Номер договора ЭГЗ в СНТ должен совпадать с номером договора в Акте ЭГЗ",
            "An invoice on an ЭГЗ act and a waybill needs both to cite the same contract number", ActAndWaybillBasis, ["deliveryDocNum"],
            c => When(WaybillBesideAct(c) is { } waybill && waybill.Document.Body.Contract.Num?.Trim() != Act(c)!.Document.ContractNumber,
                "deliveryDocNum"));

    /// <summary>EGZ-08: also the answer of the pre-fill of an invoice on an act and a waybill.</summary>
    public static RegistryRule NoCrossBorderWaybillBesideAct { get; } =
        Reg("EGZ-08", "EGP_WRONG_RELATIONS", "ЭСФ на основании Акта ЭГЗ не выписывается с СНТ на импорт, на временный ввоз или на экспорт",
            "No invoice on an ЭГЗ act is issued with an import, temporary-import or export waybill", ActAndWaybillBasis, ["deliveryDocNum"],
            c => When(WaybillBesideAct(c) is { } waybill && IsCrossBorder(waybill.Document), "deliveryDocNum"));

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        ActMustNotBeRefused,
        Unchanged("EGZ-02", "EGP_AWP_INVOICE_FIELD_DIFFERS", "Данные, перенесенные из Акта ЭГЗ, не подлежат редактированию",
            "A field transferred from the ЭГЗ act was changed", ActBasis, c => Act(c)?.Document, amountsLocked: true,
            "Locked: the supplier and the customer, the contract's number and date, and each line's description, unit, quantity (G6), " +
            "price (G7) and cost (G14), in the act's order. The fields the participant completes (dates, bank details, taxes) stay free. " +
            "An invoice on an act and a waybill (32.1 the waybill, 32.3 the act) keeps the act's fields too."),
        OneInvoiceInForcePerAct,
        ContractMustBeInForce,
        ApprovedActTakesPriority,
        Unchanged("EGZ-06", "EGP_CONTRACT_INVOCIE_FIELD_DIFFERS", "Данные, перенесенные из договора ЭГЗ, не подлежат редактированию, кроме G6, G7 и G14",
            "A field transferred from the ЭГЗ contract other than G6, G7 and G14 was changed", ContractBasis, c => Contract(c)?.Document,
            amountsLocked: false,
            "An invoice is on a contract when it names no ЭГЗ act and its contract number (deliveryTerm) is that of an ЭГЗ contract of its " +
            "supplier with the same customer. Locked as for an act, except the quantity (G6), price (G7) and cost (G14) of each line. " +
            "The error code is spelt as in the real list."),
        WaybillOfTheSameContract,
        NoCrossBorderWaybillBesideAct,
    ];
}
