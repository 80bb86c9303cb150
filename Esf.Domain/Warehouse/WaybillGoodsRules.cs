using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// The control of a waybill (СНТ) line that ships a goods line of the seller's virtual warehouse (SntV1 <c>product/productId</c>): it must
/// describe the same goods, column by column, as an invoice line sold through the warehouse must (VS-08 … VS-12). The real API's
/// errorCodes (its WSDL) are the nearest: <c>TNVED_CODE_DIFFERS</c>, <c>INVALID_MEASURE_UNIT_CODE</c> and <c>NOT_MATCH_SOURCE_PRODUCT</c>;
/// the seeds give no ids and no texts, so ids and texts are ours.
/// </summary>
public static class WaybillGoodsRules
{
    public static readonly RuleDefinition TnvedMustMatchGoods = Column("VS-41", "TNVED_CODE_DIFFERS", "tnvedCode",
        "Код ТН ВЭД товара СНТ не совпадает с кодом ТН ВЭД товарной позиции склада, указанной в productId",
        "A waybill line naming a goods line (productId) must carry its ТН ВЭД code");

    public static readonly RuleDefinition UnitMustMatchGoods = Column("VS-42", "INVALID_MEASURE_UNIT_CODE", "measureUnitCode",
        "Единица измерения товара СНТ не совпадает с единицей измерения товарной позиции склада, указанной в productId",
        "A waybill line naming a goods line (productId) must carry its unit");

    public static readonly RuleDefinition DeclarationMustMatchGoods = Column("VS-43", "NOT_MATCH_SOURCE_PRODUCT", "productDeclaration",
        "Номер ДТ, ФНО 328.00, СТ-KZ или СТ-1 товара СНТ не совпадает с документом товарной позиции склада, указанной в productId",
        "A waybill line naming a goods line (productId) must carry its source document number (the invoice's G15)");

    public static readonly RuleDefinition PositionMustMatchGoods = Column("VS-44", "NOT_MATCH_SOURCE_PRODUCT", "productNumberInDeclaration",
        "Номер товарной позиции в ДТ или ФНО 328.00 товара СНТ не совпадает с позицией товарной позиции склада, указанной в productId",
        "A waybill line naming a goods line (productId) must carry its position in the source document (the invoice's G16; empty when it has none)");

    public static readonly RuleDefinition CatalogueIdMustMatchGoods = Column("VS-45", "NOT_MATCH_SOURCE_PRODUCT", "catalogTruId",
        "Идентификатор товара СНТ не совпадает с кодом ГС ВС товарной позиции склада, указанной в productId",
        "A waybill line naming a goods line (productId) must carry its ГС ВС code in catalogTruId (the invoice's G17)");

    public static IReadOnlyList<RuleDefinition> All { get; } =
        [TnvedMustMatchGoods, UnitMustMatchGoods, DeclarationMustMatchGoods, PositionMustMatchGoods, CatalogueIdMustMatchGoods];

    private static RuleDefinition Column(string id, string errorCode, string field, string messageRu, string summary) =>
        new(id, errorCode, messageRu, summary, RuleStage.Registration)
        {
            LegalBasis = "Seed 001 L3377–3403 (the waybill's G15/G16 sources are the ВС data), spec-snt §1.7; our id",
            Decision = $"{field} is compared with the goods line after trimming, exactly, when the waybill is registered; a line without productId " +
                "is not compared (it moves nothing). The name per ДТ (tnvedName, ours) is not compared: it identifies nothing.",
        };
}
