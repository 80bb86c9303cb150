using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// The control of movements of the virtual warehouse (ВС). The seeds give one truncated reason («Склад не имеет права…»,
/// spec-rest §2.5) and no ids: the ids (<c>VS-</c>) and the texts are ours, in the manual's style; the errorCodes are the real
/// API's (its WSDL).
/// </summary>
public static class WarehouseRules
{
    private const string Basis = "Rules p.6, p.92–96; spec-rest §2; our id";

    public static readonly RuleDefinition BalanceMustCoverWriteOff = new(
        "VS-01", "PRODUCT_DEFICIENCY",
        "Количество списываемого товара превышает его остаток на складе",
        "The quantity written off exceeds the balance of the goods line in the warehouse", RuleStage.Registration)
    {
        LegalBasis = Basis,
        Decision = "Balances never go negative: the goods line is locked by the write-off's conditional update in the same transaction as " +
            "its movement (ADR 0027), so of concurrent write-offs every one that fits succeeds and every other fails with this rule.",
    };

    public static readonly RuleDefinition GoodsLineMustExist = new(
        "VS-02", "GTD_REMAINS_NOT_FOUND",
        "Товарная позиция не найдена на складе налогоплательщика",
        "The goods line is not in a warehouse of the taxpayer", RuleStage.Registration)
    {
        LegalBasis = Basis,
        Decision = "Another taxpayer's goods line is «not found» like a missing one. errorCode: the real API's code for missing ДТ remains, " +
            "the nearest it has for a balance line.",
    };

    public static readonly RuleDefinition WarehouseMustBelongToTaxpayer = new(
        "VS-03", "TAXPAYER_STORE_NOT_FOUND",
        "Склад не имеет права на операцию: склад не найден у налогоплательщика",
        "The warehouse is not an open warehouse of the taxpayer", RuleStage.Registration)
    {
        LegalBasis = "spec-rest §2.5 (the truncated reason «Склад не имеет правона...»); our id",
        Decision = "The seed's reason is cut off; the rest of the text is ours.",
    };

    public static readonly RuleDefinition QuantityMustBePositive = new(
        "VS-04", "FIELD_INVALID",
        "Количество товара должно быть больше нуля",
        "The quantity must be greater than zero", RuleStage.Registration)
    {
        LegalBasis = Basis,
    };

    public static readonly RuleDefinition ImporterMustHaveDefaultWarehouse = new(
        "VS-05", "STORE_CREATE_DEFAULT_STORE_DOESNT_EXISTS",
        "У импортёра нет склада по умолчанию: товары ДТ или ФНО 328.00 не могут быть оприходованы",
        "The importer has no default warehouse to credit the goods of the ДТ or ФНО 328.00 to", RuleStage.Registration)
    {
        LegalBasis = "Rules p.95; our id",
        Decision = "The line is not stored, so importing it again once the importer has a warehouse credits it (exactly once).",
    };

    public static readonly RuleDefinition RecipientMustSucceedSender = new(
        "VS-06", "INVALID_SELLER_REORGANIZATION_TIN",
        "Получатель формы «Реорганизация» не является правопреемником отправителя или не имеет склада по умолчанию",
        "The recipient of a «Реорганизация» form is not the sender's successor, or has no default warehouse", RuleStage.Registration)
    {
        LegalBasis = "spec-rest §2.5 (the form «Реорганизация» with a sender and a recipient БИН); our id",
        Decision = "The successor is the registry's (taxpayer_successors: reorganized_tin = sender, successor_tin = recipient), as for " +
            "invoices of reorganized sellers (ADR 0003); the goods enter the recipient's default warehouse.",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        BalanceMustCoverWriteOff, GoodsLineMustExist, WarehouseMustBelongToTaxpayer, QuantityMustBePositive, ImporterMustHaveDefaultWarehouse,
        RecipientMustSucceedSender, .. InvoiceGoodsRules.All,
    ];
}
