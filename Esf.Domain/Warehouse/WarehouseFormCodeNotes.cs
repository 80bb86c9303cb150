using Esf.Domain.Rules;
using static Esf.Domain.Rules.RuleNoteKind;

namespace Esf.Domain.Warehouse;

/// <summary>
/// The real service's errorCodes for the virtual warehouse's forms and sources (esf-api-facts §9.13: <c>UFORM_*</c>, <c>GTD_*</c>,
/// <c>FNO_*</c> and the forms' neighbours in the WSDL) that no rule of ours produces, each with why. The codes a rule produces are its
/// errorCode in the catalogue (VS-02 <c>GTD_REMAINS_NOT_FOUND</c>, VS-50 <c>UFORM_SENDER_NOT_VALID</c>, VS-51 <c>GTD_NUMBER_INVALID</c>,
/// VS-30 … VS-36 and VS-46 the <c>FNO_MATCHING_*</c> ones). The note's id is the code.
/// </summary>
public static class WarehouseFormCodeNotes
{
    /// <summary>The codes these notes must account for beyond the prefixes <c>UFORM_</c>, <c>GTD_</c> and <c>FNO_</c>.</summary>
    public static IReadOnlyList<string> Neighbours { get; } =
    [
        "UPLOAD_REORGANIZATION_FROM_API_IS_NOT_ALLOWED", "BALANCE_CORRECTION_CAN_PASS_ONLY_FROM_BALANCE",
        "BALANCE_WITHOUT_USE_VSTORE_FLAG_MOVEMENT_PROHIBITED", "PRODUCT_IS_USED_IN_VSTORE", "INVOICE_FOR_DT_GOODS_PROHIBITED",
    ];

    private const string NoSuchForm = "The seeds name the forms «Остатки», «Производство», «Реорганизация» and receipt and write-off forms " +
        "(Rules p.93–94, seed 000 «Журнал Форм»); this one they never describe, so it is not offered and its check cannot arise.";

    private const string Immutable = "A form is immutable once uploaded (the journal keeps it as sent; a mistake is a new form), so there is no " +
        "editing operation for this check to refuse.";

    private const string MatchingUnsigned = "The ФНО 328.00 matching is a REST operation of the buyer's session, not a signed document " +
        "(docs/virtual-warehouse.md «ФНО 328.00 matching»): there is no signature, version or creator field to check.";

    public static IReadOnlyList<RuleNote> All { get; } =
    [
        new("UFORM_NOT_FOUND", CoveredElsewhere, "GET /api/v1/warehouse-forms/{id} answers 404 for a form the enterprise neither sent nor " +
            "received, like a missing one (ADR 0003); no verdict of a form is «not found»."),
        new("UFORM_IMPORT_DETAILING_EXCEPTION", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_IMPORT_DETAILING_NO_PAYMENT_AVAILABLE", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_IMPORT_DETAILING_PRODUCT_ROW_ALREADY_DETAILED", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_IMPORT_DETAILING_PRODUCT_ROW_QUANTITY_NOT_EQUALS", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_IMPORT_DETAILING_PRODUCT_ROW_SUM_DIFFERS", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_IMPORT_DETAILING_PRODUCT_ROW_PRICE_DIFFERS", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_DETAILING_EDITING_IMPOSSIBLE", DecidedAgainst, NoSuchForm + " (import detailing)"),
        new("UFORM_PACKING_PROHIBITED", DecidedAgainst, NoSuchForm + " (packing)"),
        new("UFORM_PACKING_PRODUCTS_DIFFERENCE", DecidedAgainst, NoSuchForm + " (packing)"),
        new("UFORM_MOBILE_STORE_FORMS_DISABLED", DecidedAgainst, "Mobile stores are not modelled: the seeds show the warehouse types " +
            "«Склад» and «Точка продаж» only (docs/virtual-warehouse.md)."),
        new("UFORM_EDITING_TOTAL_SUM_DEFFIRES", DecidedAgainst, Immutable),
        new("UFORM_EDITING_PROHIBITED", DecidedAgainst, Immutable),
        new("UFORM_WRITE_OFF_REASON_WRONG_VALUE", DecidedAgainst, "Our write-off form «Списание» carries no reason: the seeds name none and " +
            "give no list of reasons to check a value against."),
        new("GTD_FETCH_EXCEPTION", DecidedAgainst, "No customs system is reachable (loopback only): ДТ positions come from the operator's " +
            "import (POST /api/v1/admin/goods-sources/dt), which reports its rejected lines, so fetching cannot fail."),
        new("GTD_NOT_FOUND", DecidedAgainst, "A receipt form's ДТ need not be imported: «Остатки» declares goods held before the Module, whose " +
            "declaration may predate the operator's import, and an imported ДТ already credits its importer (Rules p.95). VS-51 checks its number."),
        new("GTD_PRODUCT_NOT_FOUND", DecidedAgainst, "As GTD_NOT_FOUND: the position of a ДТ a form names is not looked up."),
        new("GTD_PRECEEDING_NUMBERS_DEFFICIENCE", DecidedAgainst, "Preceding declarations (a ДТ issued on an earlier one) are in no source " +
            "material and no import carries them."),
        new("FNO_NOT_FOUND", DecidedAgainst, "As GTD_NOT_FOUND for a receipt form naming a ФНО 328.00; the matching and invoices check ФНО " +
            "positions where the seeds ask for it (VS-34 FNO_MATCHING_NO_FNO_FOUND, VS-46 FNO_MATCHING_NOT_FOUND)."),
        new("FNO_PRODUCT_NOT_FOUND", DecidedAgainst, "As FNO_NOT_FOUND."),
        new("FNO_MATCHING_WRONG_SIGNATURE", DecidedAgainst, MatchingUnsigned),
        new("FNO_MATCHING_CREATOR_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION", CoveredElsewhere, "The matching is made in the buyer's session; the " +
            "seller is refused with 403 FNO_MATCHING_ACCESS_DENIED and anyone else gets 404."),
        new("FNO_MATCHING_NO_SOURCE_FOUND", CoveredElsewhere, "The waybill is named by the path: a waybill the buyer cannot see is 404."),
        new("FNO_MATCHING_SOURCE_WRONG_VERSION", DecidedAgainst, MatchingUnsigned),
        new("FNO_MATCHING_SOURCE_PRODUCT_DIFFERS", CoveredElsewhere, "VS-35 (FNO_MATCHING_SOURCE_FNO_PRODUCT_DIFFERS): another ТН ВЭД code " +
            "or unit than the position's."),
        new("FNO_MATCHING_SOURCE_PRODUCT_VM_NOT_FOUND", CoveredElsewhere, "VS-33 (FNO_MATCHING_SOURCE_DUPLICATES): a matched line that is not " +
            "a line of origin «1» or «2» of the waybill."),
        new("FNO_MATCHING_SOURCE_FNO_DUPLICATES", CoveredElsewhere, "VS-33: a waybill line named twice; one ФНО position may serve several " +
            "lines up to its quantity (VS-36)."),
        new("FNO_MATCHING_FNO_NOT_FILLED", CoveredElsewhere, "A line without fnoNumber or fnoPosition is refused as malformed (400) before the rules."),
        new("FNO_MATCHING_FNO_ACCESS_DENIED", CoveredElsewhere, "VS-34 (FNO_MATCHING_NO_FNO_FOUND): another importer's position is «not found»."),
        new("FNO_MATCHING_VM_ALREADY_NOT_LINKED", DecidedAgainst, "No cancellation of a matching (the seeds name none), so nothing can be unlinked twice."),
        new("FNO_MATCHING_FNO_ALREADY_LINKED", CoveredElsewhere, "VS-36 (FNO_MATCHING_SUM_DIFFERS): a position may serve several waybills up to its quantity."),
        new("FNO_MATCHING_ILLEGAL_ACTION", CoveredElsewhere, "VS-30 (FNO_MATCHING_CONVERTION_IMPORT_ONLY_ALLOWED) and VS-31."),
        new("FNO_MATCHING_ACCESS_DENIED", CoveredElsewhere, "The REST answer 403 to the waybill's seller (errorCode FNO_MATCHING_ACCESS_DENIED), " +
            "a refusal of the caller rather than a rule of the matching."),
        new("FNO_MATCHING_CANCEL_UNAVAILABLE", DecidedAgainst, "No cancellation of a matching (the seeds name none)."),
        new("FNO_MATCHING_CONVERTION_SELLER_COUNTRY_DIFFERS", DecidedAgainst, "The ФНО 328.00 positions we import carry no seller country to " +
            "compare with the waybill's seller."),
        new("UPLOAD_REORGANIZATION_FROM_API_IS_NOT_ALLOWED", DecidedAgainst, "The gateway has no web portal: the API is the only way to send a " +
            "«Реорганизация», so it is accepted over it and judged by VS-06 (a registered successor)."),
        new("BALANCE_CORRECTION_CAN_PASS_ONLY_FROM_BALANCE", DecidedAgainst, NoSuchForm + " (balance correction)"),
        new("BALANCE_WITHOUT_USE_VSTORE_FLAG_MOVEMENT_PROHIBITED", DecidedAgainst, "Goods have no «used in the ВС» flag here: every goods " +
            "line is in the virtual warehouse, and an invoice line outside it simply names none."),
        new("PRODUCT_IS_USED_IN_VSTORE", DecidedAgainst, "As BALANCE_WITHOUT_USE_VSTORE_FLAG_MOVEMENT_PROHIBITED: no flag to check."),
        new("INVOICE_FOR_DT_GOODS_PROHIBITED", CoveredElsewhere, "An invoice selling ВС goods must name their goods line and match it " +
            "(VS-07 … VS-12, VS-46, VS-47); SNT-04 explains why the body cannot say which goods need a waybill."),
    ];
}
