using System.Globalization;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>Puts goods into a warehouse through the ledger itself (the sources of goods have their own scenarios).</summary>
public static class WarehouseGoods
{
    /// <summary>Wheat of a ДТ line, as in the seed's balance example.</summary>
    public static GoodsLine Wheat(decimal price = 300m) =>
        new("01.11.11.01", "1001110000", GoodsSourceKind.CustomsDeclaration, "12345/060316/9123456", 1, "Пшеница 2 сорт", "AR", null, price, "166");

    /// <summary>
    /// Makes a waybill line carry <paramref name="goods"/> as the Module fills it (ТН ВЭД, unit, G15, G16, the ГС ВС code, the name per
    /// ДТ) and, when <paramref name="goodsId"/> is given, ship that goods line (productId).
    /// </summary>
    public static void Carry(this WaybillProduct line, GoodsLine goods, long? goodsId = null)
    {
        (line.TnvedCode, line.MeasureUnitCode, line.TnvedName, line.CatalogTruId) = (goods.TnvedCode, goods.Unit, goods.SourceName, goods.GsvsCode);
        (line.ProductDeclaration, line.ProductNumberInDeclaration) = (goods.SourceNumber, goods.SourcePosition?.ToString(CultureInfo.InvariantCulture));
        line.ProductId = goodsId?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Credits the goods line and answers its id.</summary>
    /// <param name="fixture">The gateway (default <see cref="WarehouseGateway.Fixture"/>).</param>
    public static async Task<long> ReceiveAsync(string tin, long warehouseId, decimal quantity, GoodsLine? goods = null, GatewayFixture? fixture = null)
    {
        fixture ??= WarehouseGateway.Fixture;
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var (goodsId, violation) = await fixture.Get<WarehouseLedger>().ReceiveAsync(connection, transaction, tin, warehouseId, goods ?? Wheat(), quantity,
            new MovementCause("TEST", Guid.NewGuid().ToString("N")), MovementCauses.Receipt, CancellationToken.None);
        Assert.That(violation, Is.Null);
        await transaction.CommitAsync();
        return goodsId;
    }
}
