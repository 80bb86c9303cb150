namespace Esf.Domain.Warehouse;

/// <summary>The codes and labels of the virtual warehouse's enums.</summary>
public static class WarehouseNames
{
    /// <summary>«Тип склада».</summary>
    public static CodedNames<WarehouseKind> Kinds { get; } = new(new Dictionary<WarehouseKind, (string, string)>
    {
        [WarehouseKind.Warehouse] = ("WAREHOUSE", "Склад"),
        [WarehouseKind.SalesPoint] = ("SALES_POINT", "Точка продаж"),
    });

    /// <summary>The source documents of the balance column «№ ДТ, ФНО 328.00, СТ-КЗ, СТ-1».</summary>
    public static CodedNames<GoodsSourceKind> SourceKinds { get; } = new(new Dictionary<GoodsSourceKind, (string, string)>
    {
        [GoodsSourceKind.CustomsDeclaration] = ("DT", "ДТ"),
        [GoodsSourceKind.ImportApplication] = ("FNO_328", "ФНО 328.00"),
        [GoodsSourceKind.OriginCertificateKz] = ("ST_KZ", "СТ-KZ"),
        [GoodsSourceKind.OriginCertificateSt1] = ("ST_1", "СТ-1"),
    });

    /// <summary>«Тип формы» of the journal «Журнал Форм».</summary>
    public static CodedNames<WarehouseFormKind> FormKinds { get; } = new(new Dictionary<WarehouseFormKind, (string, string)>
    {
        [WarehouseFormKind.Remains] = ("REMAINS", "Остатки"),
        [WarehouseFormKind.Production] = ("PRODUCTION", "Производство"),
        [WarehouseFormKind.Reorganization] = ("REORGANIZATION", "Реорганизация"),
        [WarehouseFormKind.WriteOff] = ("WRITE_OFF", "Списание"),
    });

    /// <summary>Receipt forms name the goods and the warehouse; the others name goods lines already held.</summary>
    public static bool IsReceipt(WarehouseFormKind kind) => kind is WarehouseFormKind.Remains or WarehouseFormKind.Production;
}
