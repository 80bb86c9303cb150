using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// Reads the ledger: the balances of a warehouse (now, or as of any past moment from the movements alone) and its movements.
/// Every query is scoped to the enterprise's TIN; another enterprise's warehouse is «not found». Each needs the employee right
/// VIEW («просмотр», ADR 0037 amendment).
/// </summary>
public sealed class WarehouseBalances(NpgsqlDataSource database)
{
    internal const string Columns = """
        goods_id, warehouse_id, gsvs_code, tnved_code, source_kind, source_number, source_position, source_name, country, physical_mark, price,
        gsvs_name, quantity, unit
        """;

    /// <summary>The goods lines holding goods; with <paramref name="asOf"/>, each quantity is the sum of its movements up to that moment.</summary>
    public async Task<IReadOnlyList<GoodsBalance>> ListAsync(SessionContext session, long warehouseId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        var tin = session.Tin;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        _ = await WarehouseStore.FindAsync(connection, null, tin, warehouseId, cancellationToken) ?? throw WarehouseStore.NotFound(warehouseId);
        return await BalancesAsync(connection, tin, warehouseId, asOf, cancellationToken);
    }

    /// <summary>
    /// The balances of every warehouse of the enterprise (deleted ones hold nothing), for the export: with <paramref name="asOf"/>,
    /// each quantity is the sum of its movements up to that moment, so a past date shows what each warehouse held then.
    /// </summary>
    public async Task<IReadOnlyList<GoodsBalance>> ExportAsync(SessionContext session, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await BalancesAsync(connection, session.Tin, null, asOf, cancellationToken);
    }

    private static async Task<IReadOnlyList<GoodsBalance>> BalancesAsync(
        NpgsqlConnection connection, string tin, long? warehouseId, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<GoodsBalance>(new CommandDefinition($"""
            SELECT {Columns} FROM (
                SELECT g.goods_id, g.warehouse_id, g.gsvs_code, g.tnved_code, g.source_kind, g.source_number, g.source_position, g.source_name,
                       g.country, g.physical_mark, g.price, g.gsvs_name, g.unit,
                       CASE WHEN @AsOf::timestamptz IS NULL THEN g.quantity
                            ELSE coalesce((SELECT sum(m.quantity) FROM warehouse_movements m
                                           WHERE m.goods_id = g.goods_id AND m.occurred_at <= @AsOf::timestamptz), 0) END AS quantity
                FROM warehouse_goods g WHERE (@WarehouseId::bigint IS NULL OR g.warehouse_id = @WarehouseId) AND g.tin = @Tin) lines
            WHERE quantity > 0
            ORDER BY warehouse_id, goods_id
            """, new { Tin = tin, WarehouseId = warehouseId, AsOf = asOf?.UtcDateTime }, cancellationToken: cancellationToken))];

    /// <summary>The warehouse's movements, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<MovementRecord>> MovementsAsync(SessionContext session, long warehouseId, int limit, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        var tin = session.Tin;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        _ = await WarehouseStore.FindAsync(connection, null, tin, warehouseId, cancellationToken) ?? throw WarehouseStore.NotFound(warehouseId);
        return [.. await connection.QueryAsync<MovementRecord>(new CommandDefinition("""
            SELECT movement_id, goods_id, warehouse_id, quantity, kind, cause_kind, cause_ref, occurred_at
            FROM warehouse_movements WHERE warehouse_id = @WarehouseId AND tin = @Tin
            ORDER BY movement_id DESC LIMIT @Limit
            """, new { Tin = tin, WarehouseId = warehouseId, Limit = limit }, cancellationToken: cancellationToken))];
    }

    public static GoodsLine ToGoodsLine(GoodsBalance row) => new(
        row.GsvsCode, row.TnvedCode, WarehouseNames.SourceKinds.TryParse(row.SourceKind, out var kind) ? kind : throw new InvalidOperationException(row.SourceKind),
        row.SourceNumber, row.SourcePosition, row.SourceName, row.Country, row.PhysicalMark, row.Price, row.Unit, row.GsvsName);
}
