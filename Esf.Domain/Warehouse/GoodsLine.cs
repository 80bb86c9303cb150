namespace Esf.Domain.Warehouse;

/// <summary>
/// What identifies goods in a warehouse (a goods line, партия): the columns of the journal «Остатки товаров» (spec-rest §2.4)
/// except the quantity. Receipts of goods equal in every one of these add up on one line; goods differing in any (another
/// price, another ДТ line) stay apart, as the seed's example shows two lines of one ДТ position.
/// </summary>
/// <param name="GsvsCode">«Код ГС ВС / уровень КП ВЭД».</param>
/// <param name="TnvedCode">«Код ТН ВЭД», 10 digits (ESF G4).</param>
/// <param name="SourceKind">The kind of «№ ДТ, ФНО 328.00, СТ-КЗ, СТ-1».</param>
/// <param name="SourceNumber">That document's number (ESF G15).</param>
/// <param name="SourcePosition">«Номер товарной позиции из ДТ или ФНО 328.00» (ESF G16); none for a certificate.</param>
/// <param name="SourceName">«Наименование товаров в соответствии с ДТ или ФНО 328.00» (ESF G3/1).</param>
/// <param name="Country">«Страна импорта / происхождения», 2 letters.</param>
/// <param name="PhysicalMark">«Физическая метка» (the OCR reads «сетка»; meaning not given): carried as given.</param>
/// <param name="Price">«Цена» per unit.</param>
/// <param name="Unit">The unit of measure code (ESF G5).</param>
/// <param name="GsvsName">«Наименование с ГС ВС», from the global catalogue when it holds the code (ESF G17 takes the id from it).</param>
public sealed record GoodsLine(
    string GsvsCode, string TnvedCode, GoodsSourceKind SourceKind, string SourceNumber, int? SourcePosition, string SourceName, string Country,
    string? PhysicalMark, decimal Price, string Unit, string? GsvsName = null);
