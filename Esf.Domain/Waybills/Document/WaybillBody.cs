namespace Esf.Domain.Waybills.Document;

/// <summary>
/// The complete SntV1 body (contracts/xsd/SntV1.xsd, docs/snt.md): every element, in schema order. The numbers in the comments
/// are the СНТ field numbers the seed's Tables 28 and 29 cite; fields without a number are ours. As in the invoice model, text
/// stays text (dates are <c>dd.MM.yyyy</c>), amounts are decimals with the scale they were written with, and <c>null</c> means
/// the element is absent. Mutable on purpose: it is a document, not an aggregate.
/// </summary>
public sealed class WaybillBody
{
    /// <summary>Дата выписки СНТ (2).</summary>
    public string? Date { get; set; }

    /// <summary>Номер СНТ в учетной системе отправителя (ours; the counterpart of the invoice's 1.1).</summary>
    public string? Num { get; set; }

    /// <summary>Дата отгрузки товара (3).</summary>
    public string? ShippingDate { get; set; }

    /// <summary>Вид СНТ: <see cref="WaybillTypeNames"/> (PRIMARY_SNT, FIXED_SNT, RETURNED_SNT).</summary>
    public string? Type { get; set; }

    /// <summary>The primary (or, for a return, the waybill returned) a corrected or return waybill refers to (ours).</summary>
    public RelatedWaybill? RelatedWaybill { get; set; }

    /// <summary>Ввоз товаров на территорию РК: IMPORT (импорт) or TEMPORARY_IMPORT (временный ввоз); ours, after field 8.</summary>
    public string? ImportType { get; set; }

    /// <summary>Вывоз товаров с территории РК (8): EXPORT (8.1 Экспорт).</summary>
    public string? ExportType { get; set; }

    /// <summary>Поставщик (13–17).</summary>
    public WaybillParty Seller { get; set; } = new();

    /// <summary>Получатель (22–27).</summary>
    public WaybillParty Customer { get; set; } = new();

    /// <summary>Грузоотправитель (31).</summary>
    public WaybillShipper Consignor { get; set; } = new();

    /// <summary>Грузополучатель (34, 36).</summary>
    public WaybillShipper Consignee { get; set; } = new();

    /// <summary>Сведения о транспортировке (39.1 and ours).</summary>
    public WaybillShipping Shipping { get; set; } = new();

    /// <summary>Договор (контракт), условия поставки и доверенность (44а–45.a, 83.2, 83.3).</summary>
    public WaybillContract Contract { get; set; } = new();

    /// <summary>Currency (50, 51) and the goods lines of sections G1–G10.</summary>
    public WaybillProductSet ProductSet { get; set; } = new();
}
