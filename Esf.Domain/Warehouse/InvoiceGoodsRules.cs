using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// The control of invoice lines sold through the virtual warehouse (Rules p.58–60, p.70–72: the Module fills G3/1, G4, G5,
/// G15, G16 and G17 from the goods line, so a line naming a goods line must carry exactly its values) and of the movements an
/// invoice causes. Ids and texts are ours; the errorCodes are the real API's nearest (its WSDL).
/// </summary>
public static class InvoiceGoodsRules
{
    private const string Columns = "Rules p.58–60, p.70–72 (filled by the Module from the goods line); our id";

    public static readonly RuleDefinition NameMustMatchGoods = Column("VS-07", "NOT_MATCH_SOURCE_PRODUCT", "G3/1",
        "Наименование товара по ДТ или ФНО 328.00 (G3/1) не совпадает с наименованием товарной позиции склада",
        "G3/1 tnvedName must equal the goods line's name per ДТ or ФНО 328.00");

    public static readonly RuleDefinition TnvedMustMatchGoods = Column("VS-08", "TNVED_CODE_DIFFERS", "G4",
        "Код ТН ВЭД (G4) не совпадает с кодом ТН ВЭД товарной позиции склада",
        "G4 unitCode must equal the goods line's ТН ВЭД code");

    public static readonly RuleDefinition UnitMustMatchGoods = Column("VS-09", "INVALID_MEASURE_UNIT_CODE", "G5",
        "Единица измерения (G5) не совпадает с единицей измерения товарной позиции склада",
        "G5 unitNomenclature must equal the goods line's unit");

    public static readonly RuleDefinition DeclarationMustMatchGoods = Column("VS-10", "NOT_MATCH_SOURCE_PRODUCT", "G15",
        "Номер ДТ, ФНО 328.00, СТ-KZ или СТ-1 (G15) не совпадает с документом товарной позиции склада",
        "G15 productDeclaration must equal the goods line's source document number");

    public static readonly RuleDefinition PositionMustMatchGoods = Column("VS-11", "NOT_MATCH_SOURCE_PRODUCT", "G16",
        "Номер товарной позиции в ДТ или ФНО 328.00 (G16) не совпадает с позицией товарной позиции склада",
        "G16 productNumberInDeclaration must equal the goods line's position in its source document (empty when it has none)");

    public static readonly RuleDefinition CatalogueIdMustMatchGoods = Column("VS-12", "NOT_MATCH_SOURCE_PRODUCT", "G17",
        "Идентификатор товара (G17) не совпадает с кодом ГС ВС товарной позиции склада",
        "G17 catalogTruId must equal the goods line's ГС ВС code");

    public static readonly RuleDefinition BuyerMustHaveDefaultWarehouse = new(
        "VS-13", "TAXPAYER_STORE_NOT_FOUND",
        "У получателя нет склада по умолчанию: товары виртуального склада не могут быть перемещены к нему",
        "The buyer named by its IIN/BIN has no default warehouse to receive the goods", RuleStage.Registration)
    {
        LegalBasis = "spec-invoice §4.6 (L2049–2055: the goods move to the recipient's ВС); our id",
        Decision = "A buyer with an IIN/BIN receives the goods in its default warehouse; without one the invoice FAILS, except a retail " +
            "invoice, whose goods are then written off (as for a retail invoice without the buyer's IIN/BIN).",
    };

    public static readonly RuleDefinition ReturnMustBeCovered = new(
        "VS-14", "PRODUCT_DEFICIENCY_TO_RETURN_BY_RELATED_INVOICE",
        "Товар не может быть возвращён: у получателя на складе нет его в количестве, перемещённом по ЭСФ",
        "The goods an invoice moved to the buyer cannot go back: the buyer's goods line no longer holds them", RuleStage.Registration)
    {
        LegalBasis = "Rules p.6 (balances are controlled automatically); our id",
        Decision = "Revoking, declining or annulling an invoice that moved goods returns them from the buyer's goods line to the " +
            "seller's in the same transaction; when the buyer has sold them on, the status change is refused with this rule.",
    };

    public static readonly RuleDefinition LineMustBeNamedOnce = new(
        "VS-15", "FIELD_INVALID",
        "Строка ЭСФ, указанная для виртуального склада, отсутствует в разделе G, указана дважды или не имеет количества",
        "A warehouse line must name an existing line of section G, once, with a quantity", RuleStage.Registration)
    {
        LegalBasis = "Rules p.92 (ЭСФ выписываются посредством Модуля); our id",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        NameMustMatchGoods, TnvedMustMatchGoods, UnitMustMatchGoods, DeclarationMustMatchGoods, PositionMustMatchGoods, CatalogueIdMustMatchGoods,
        BuyerMustHaveDefaultWarehouse, ReturnMustBeCovered, LineMustBeNamedOnce,
    ];

    private static RuleDefinition Column(string id, string errorCode, string column, string messageRu, string summary) =>
        new(id, errorCode, messageRu, summary, RuleStage.Registration)
        {
            LegalBasis = Columns,
            Decision = $"{column} is compared after trimming, exactly (the Module fills it; the pre-fill endpoint gives the value).",
        };
}
