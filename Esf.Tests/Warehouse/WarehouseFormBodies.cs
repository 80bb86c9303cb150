namespace Esf.Tests.Warehouse;

/// <summary>Plain JSON forms of the journal «Журнал Форм» (POST /api/v1/warehouse-forms), as a client fills them.</summary>
public static class WarehouseFormBodies
{
    /// <summary>«Остатки»: <paramref name="quantity"/> of the wheat of a ДТ line (<paramref name="declaration"/>) into <paramref name="warehouseId"/>.</summary>
    public static object Remains(long warehouseId, string number, decimal quantity = 10m, string declaration = "12345/060316/9123456") => new
    {
        type = "REMAINS", number, date = "11.03.2018",
        lines = new[]
        {
            new
            {
                warehouseId, gsvsCode = "01.11.11.01", tnvedCode = "1001110000", sourceKind = "DT", sourceNumber = declaration,
                sourcePosition = 1, name = "Пшеница 2 сорт", country = "AR", price = 300m, quantity, unit = "166",
            },
        },
    };

    /// <summary>«Списание» of <paramref name="quantity"/> from the goods line <paramref name="goodsId"/>.</summary>
    public static object WriteOff(long goodsId, string number, decimal quantity) =>
        new { type = "WRITE_OFF", number, date = "12.03.2018", lines = new[] { new { goodsId, quantity } } };
}
