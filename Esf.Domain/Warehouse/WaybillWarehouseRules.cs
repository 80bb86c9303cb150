using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// The control of waybills (СНТ) on the virtual warehouse: the goods they move (VS-20, VS-21; the write-off itself is judged by
/// VS-01 and VS-02) and the matching of a primary import waybill with ФНО 328.00 (VS-30 … VS-35, seed 001 L2500–2513). The seeds
/// give no ids and no texts: ids and texts are ours; the errorCodes are the real API's (its WSDL).
/// </summary>
public static class WaybillWarehouseRules
{
    private const string MatchingBasis = "Seed 001 L2500–2513 («сопоставление первичной импортной СНТ с ФНО 328.00»), Rules p.70–71; our id";

    public static readonly RuleDefinition BuyerMustHaveDefaultWarehouse = new(
        "VS-20", "STORE_CREATE_DEFAULT_STORE_DOESNT_EXISTS",
        "У получателя нет склада по умолчанию: товары СНТ не могут быть оприходованы при подтверждении",
        "The buyer confirming a waybill of virtual-warehouse goods has no default warehouse to take them", RuleStage.Registration)
    {
        LegalBasis = "Seed 001 L2050–2055 (goods chosen from the supplier's ВС move to the recipient's ВС); our id",
        Decision = "The goods of a waybill enter the buyer's default warehouse when the buyer (or an ОГД inspector) confirms it; without " +
            "one the confirmation is refused, so that no goods stay in transit for ever (docs/virtual-warehouse.md «Waybills»).",
    };

    public static readonly RuleDefinition ReturnedGoodsMustBeHeldByBuyer = new(
        "VS-21", "PRODUCT_DEFICIENCY_TO_RETURN_BY_RELATED_INVOICE",
        "Товары СНТ уже списаны со склада получателя: вернуть их поставщику при отзыве невозможно",
        "The buyer no longer holds the goods of the confirmed waybill, so revoking it cannot return them to the seller", RuleStage.Registration)
    {
        LegalBasis = "Seed 001 L95–103 (отзыв СНТ поставщиком); our id",
        Decision = "Revoking a confirmed waybill moves its goods back from the buyer's warehouse to the seller's line; when the buyer has " +
            "sold them the revocation is refused rather than taking the buyer's balance below zero.",
    };

    public static readonly RuleDefinition MatchingNeedsPrimaryImportWaybill = new(
        "VS-30", "FNO_MATCHING_CONVERTION_IMPORT_ONLY_ALLOWED",
        "С ФНО 328.00 сопоставляется только зарегистрированная первичная СНТ на импорт",
        "Only a registered primary import waybill is matched with ФНО 328.00", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
        Decision = "Registered: NOT_VIEWED, DELIVERED, CONFIRMED or CONFIRMED_BY_OGD (the active statuses, docs/snt.md §8.3).",
    };

    public static readonly RuleDefinition WaybillMatchedOnce = new(
        "VS-31", "FNO_MATCHING_VM_ALREADY_LINKED",
        "СНТ уже сопоставлена с ФНО 328.00",
        "The waybill is already matched with ФНО 328.00", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
        Decision = "A matching is made once and kept; the seeds name no cancellation of it, so none is offered.",
    };

    public static readonly RuleDefinition EveryImportedLineMatched = new(
        "VS-32", "FNO_MATCHING_SOURCE_FNO_NOT_ALL_ROWS_MAPPED",
        "Не все товары СНТ с признаком происхождения «1» или «2» сопоставлены с позициями ФНО 328.00",
        "Every line of the waybill with origin 1 or 2 must be matched with a ФНО 328.00 position", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
        Decision = "G15/G16 must name the application for goods of origin «1» and «2» (Rules p.70–71), so those lines are the ones matched.",
    };

    public static readonly RuleDefinition MatchedLineMustBeImportedOnce = new(
        "VS-33", "FNO_MATCHING_SOURCE_DUPLICATES",
        "Сопоставляемая строка должна быть товаром СНТ с признаком происхождения «1» или «2» и указываться один раз",
        "A matched line must be a line of the waybill with origin 1 or 2, named once", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
    };

    public static readonly RuleDefinition FnoPositionMustBeImporters = new(
        "VS-34", "FNO_MATCHING_NO_FNO_FOUND",
        "Позиция ФНО 328.00 не найдена у получателя СНТ",
        "The ФНО 328.00 position is not one of the waybill buyer's (the importer's)", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
        Decision = "The importer is the waybill's buyer (получатель, 22), who files the ФНО 328.00; another taxpayer's position is «not found».",
    };

    public static readonly RuleDefinition FnoPositionMustBeSameGoods = new(
        "VS-35", "FNO_MATCHING_SOURCE_FNO_PRODUCT_DIFFERS",
        "Код ТН ВЭД или единица измерения товара СНТ не совпадает с позицией ФНО 328.00",
        "The ТН ВЭД code or the unit of the waybill line differs from the ФНО 328.00 position", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
    };

    public static readonly RuleDefinition FnoPositionMustCoverQuantity = new(
        "VS-36", "FNO_MATCHING_SUM_DIFFERS",
        "Количество товара СНТ превышает несопоставленное количество позиции ФНО 328.00",
        "The quantity of the waybill line exceeds what is left unmatched of the ФНО 328.00 position", RuleStage.Registration)
    {
        LegalBasis = MatchingBasis,
        Decision = "A ФНО 328.00 position may be matched by several waybills (partial deliveries) up to its quantity, counting earlier matchings.",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        BuyerMustHaveDefaultWarehouse, ReturnedGoodsMustBeHeldByBuyer, MatchingNeedsPrimaryImportWaybill, WaybillMatchedOnce, EveryImportedLineMatched,
        MatchedLineMustBeImportedOnce, FnoPositionMustBeImporters, FnoPositionMustBeSameGoods, FnoPositionMustCoverQuantity,
    ];
}
