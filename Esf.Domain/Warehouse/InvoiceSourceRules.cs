using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// Where an invoice's goods came from, judged against the virtual warehouse's other documents: an import application (ФНО 328.00)
/// named in G15/G16 must have been matched with its primary import waybill (VS-46), and goods a waybill already moved through the
/// warehouse are not moved again by the invoice issued on it (VS-47). Ids and texts are ours; the errorCodes are the real API's (WSDL).
/// </summary>
public static class InvoiceSourceRules
{
    public static readonly RuleDefinition FnoMustBeMatched = new(
        "VS-46", "FNO_MATCHING_NOT_FOUND",
        "Позиция ФНО 328.00, указанная в G15 и G16, не сопоставлена с первичной импортной СНТ: выписка ЭСФ до сопоставления невозможна",
        "A line of origin 1 or 2 naming an 18-digit ФНО 328.00 in G15 needs that position (G16) matched with a registered primary import waybill",
        RuleStage.Registration)
    {
        LegalBasis = "Seed 001 L2500–2513 («перед выпиской ЭСФ в обязательном порядке осуществить сопоставления первичной импортной СНТ с " +
            "ФНО 328.00»), spec-invoice G-39/G-41, spec-snt R168; our id",
        Decision = "G15 names a ФНО 328.00 when it is 18 digits (the application's registration number, seed L2504) on a line of origin " +
            "«1» or «2»; G16 is the position. Such a line passes when a matching (fno_matchings) names that number and position and its " +
            "waybill is still registered (NOT_VIEWED, DELIVERED, CONFIRMED, CONFIRMED_BY_OGD): whose matching it is does not matter, as a " +
            "reseller names the importer's application too. Any invoice is judged, with or without warehouse lines; a line whose G15 has " +
            "another form (ДТ, СТ-KZ, СТ-1) is not. The dry run reports it. ADR 0039.",
    };

    public static readonly RuleDefinition WaybillGoodsMoveOnce = new(
        "VS-47", "INVOICE_CONTAINS_SNT_PRODUCTS",
        "Товар этой строки уже перемещён по виртуальному складу СНТ, на основании которой выписан ЭСФ: строка ЭСФ не может списать его повторно",
        "An invoice issued on a waybill may not sell through the warehouse goods that waybill moved itself (productId)", RuleStage.Registration)
    {
        LegalBasis = "Seed 001 L2479–2498 (ВС goods are invoiced on a waybill); ADR 0034 (the waybill moves them); our id",
        Decision = "The waybill moves its goods (registration writes off, confirmation credits the buyer); the invoice issued on it (32.1) " +
            "only documents the sale. A warehouse line is refused when its invoice line (G1, productNumberInSnt) is a waybill line naming " +
            "a goods line, or when it draws on a goods line the waybill ships, or when its invoice line is none of the waybill's lines and " +
            "is the same goods (ТН ВЭД, unit, G15, G16, G17) as a line the waybill ships, from another goods line. Lines the waybill " +
            "carried without productId may still move through the invoice (the waybill moved nothing of them). The dry run reports it. ADR 0039.",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } = [FnoMustBeMatched, WaybillGoodsMoveOnce];
}
