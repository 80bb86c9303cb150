using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// Writes the ledger of the virtual warehouse: every receipt and write-off is an immutable movement, and the goods line's
/// quantity (the balance) changes with it in the same transaction. Each method that takes a transaction first records the
/// movement (its cause's unique key makes a repeated cause a no-op), then changes the balance with a conditional update that
/// locks the goods line and never takes it below zero (ADR 0027). When such a method answers a violation the caller must roll
/// its transaction back: the movement is already written.
/// </summary>
public sealed class WarehouseLedger(NpgsqlDataSource database, TimeProvider clock)
{
    private const string GoodsColumns = """
        warehouse_id, tin, gsvs_code, tnved_code, source_kind, source_number, source_position, source_name, country, physical_mark, price, unit
        """;

    /// <summary>Credits goods to the taxpayer's warehouse; answers the goods line, or the violation (the warehouse is not its own).</summary>
    public async Task<(long GoodsId, RuleViolation? Violation)> ReceiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tin,
        long warehouseId, GoodsLine goods, decimal quantity, MovementCause cause, string kind, CancellationToken cancellationToken)
    {
        if (quantity <= 0)
        {
            return (0, WarehouseRules.QuantityMustBePositive.Violation("quantity"));
        }

        if (await WarehouseStore.FindAsync(connection, transaction, tin, warehouseId, cancellationToken) is null)
        {
            return (0, WarehouseRules.WarehouseMustBelongToTaxpayer.Violation("warehouseId", $"{warehouseId}"));
        }

        var goodsId = await EnsureGoodsLineAsync(connection, transaction, tin, warehouseId, goods, cancellationToken);
        if (await RecordAsync(connection, transaction, tin, goodsId, warehouseId, quantity, kind, cause, cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE warehouse_goods SET quantity = quantity + @Quantity, gsvs_name = coalesce(gsvs_name, @GsvsName) WHERE goods_id = @GoodsId",
                new { GoodsId = goodsId, Quantity = quantity, goods.GsvsName }, transaction, cancellationToken: cancellationToken));
        }

        return (goodsId, null);
    }

    /// <summary>Writes goods off the taxpayer's goods line; answers VS-01, VS-02 or VS-04 when it cannot.</summary>
    public async Task<RuleViolation?> WriteOffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tin, long goodsId,
        decimal quantity, MovementCause cause, string kind, CancellationToken cancellationToken)
    {
        var (warehouseId, refused) = await LineToMoveAsync(connection, transaction, tin, goodsId, quantity, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!await RecordAsync(connection, transaction, tin, goodsId, warehouseId, -quantity, kind, cause, cancellationToken))
        {
            return null;
        }

        // The conditional update waits for a concurrent write-off of the same line and then judges the quantity it committed.
        var left = await connection.QuerySingleOrDefaultAsync<decimal?>(new CommandDefinition(
            "UPDATE warehouse_goods SET quantity = quantity - @Quantity WHERE goods_id = @GoodsId AND quantity >= @Quantity RETURNING quantity",
            new { GoodsId = goodsId, Quantity = quantity }, transaction, cancellationToken: cancellationToken));
        return left is null ? WarehouseRules.BalanceMustCoverWriteOff.Violation("quantity", $"goods line {goodsId}, {quantity}") : null;
    }

    /// <summary>Credits goods back to an existing goods line of the taxpayer (a return); VS-02 or VS-04 when it cannot.</summary>
    public async Task<RuleViolation?> CreditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tin, long goodsId,
        decimal quantity, MovementCause cause, string kind, CancellationToken cancellationToken)
    {
        var (warehouseId, refused) = await LineToMoveAsync(connection, transaction, tin, goodsId, quantity, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (await RecordAsync(connection, transaction, tin, goodsId, warehouseId, quantity, kind, cause, cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE warehouse_goods SET quantity = quantity + @Quantity WHERE goods_id = @GoodsId", new { GoodsId = goodsId, Quantity = quantity },
                transaction, cancellationToken: cancellationToken));
        }

        return null;
    }

    /// <summary>A write-off in a transaction of its own: committed when it fits, rolled back with its violation when not.</summary>
    public async Task<RuleViolation?> WriteOffAsync(string tin, long goodsId, decimal quantity, MovementCause cause, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var violation = await WriteOffAsync(connection, transaction, tin, goodsId, quantity, cause, MovementCauses.WriteOff, cancellationToken);
        await FinishAsync(transaction, violation, cancellationToken);
        return violation;
    }

    /// <summary>
    /// Moves goods between two warehouses of the taxpayer as a movement pair (out of one line, into the same goods at the
    /// other warehouse). Both goods lines are locked in id order first, so opposite transfers cannot deadlock.
    /// </summary>
    public async Task<RuleViolation?> TransferAsync(string tin, long goodsId, long toWarehouseId, decimal quantity, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var goods = await ReadGoodsLineAsync(connection, transaction, tin, goodsId, cancellationToken);
        if (goods is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return WarehouseRules.GoodsLineMustExist.Violation("goodsId", $"{goodsId}");
        }

        if (await WarehouseStore.FindAsync(connection, transaction, tin, toWarehouseId, cancellationToken) is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return WarehouseRules.WarehouseMustBelongToTaxpayer.Violation("toWarehouseId", $"{toWarehouseId}");
        }

        var targetId = await EnsureGoodsLineAsync(connection, transaction, tin, toWarehouseId, goods, cancellationToken);
        if (targetId == goodsId)
        {
            throw EsfException.InvalidInput($"toWarehouseId: the goods line {goodsId} is already in warehouse {toWarehouseId}.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM warehouse_goods WHERE goods_id = ANY(@Ids) ORDER BY goods_id FOR UPDATE", new { Ids = new[] { goodsId, targetId } },
            transaction, cancellationToken: cancellationToken));
        var cause = MovementCauses.NewTransfer();
        var violation = await WriteOffAsync(connection, transaction, tin, goodsId, quantity, cause, MovementCauses.TransferOut, cancellationToken)
            ?? (await ReceiveAsync(connection, transaction, tin, toWarehouseId, goods, quantity, cause, MovementCauses.TransferIn, cancellationToken)).Violation;
        await FinishAsync(transaction, violation, cancellationToken);
        return violation;
    }

    /// <summary>The warehouse of the taxpayer's goods line a movement of <paramref name="quantity"/> may touch, or why not (VS-04, VS-02).</summary>
    private static async Task<(long WarehouseId, RuleViolation? Refused)> LineToMoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string tin, long goodsId, decimal quantity, CancellationToken cancellationToken)
    {
        if (quantity <= 0)
        {
            return (0, WarehouseRules.QuantityMustBePositive.Violation("quantity"));
        }

        var warehouseId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT warehouse_id FROM warehouse_goods WHERE goods_id = @GoodsId AND tin = @Tin", new { GoodsId = goodsId, Tin = tin }, transaction,
            cancellationToken: cancellationToken));
        return warehouseId is null ? (0, WarehouseRules.GoodsLineMustExist.Violation("goodsId", $"{goodsId}")) : (warehouseId.Value, null);
    }

    /// <summary>Commits when nothing was violated, rolls back otherwise.</summary>
    public static Task FinishAsync(NpgsqlTransaction transaction, RuleViolation? violation, CancellationToken cancellationToken) =>
        violation is null ? transaction.CommitAsync(cancellationToken) : transaction.RollbackAsync(cancellationToken);

    private async Task<bool> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tin, long goodsId, long warehouseId,
        decimal quantity, string kind, MovementCause cause, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id)
            VALUES (@GoodsId, @WarehouseId, @Tin, @Quantity, @Kind, @CauseKind, @CauseRef, @Now, @InvoiceId)
            ON CONFLICT ON CONSTRAINT warehouse_movements_once DO NOTHING
            """, new
        {
            GoodsId = goodsId, WarehouseId = warehouseId, Tin = tin, Quantity = quantity, Kind = kind, CauseKind = cause.Kind, CauseRef = cause.Ref, cause.InvoiceId,
            Now = clock.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>
    /// A price as <c>warehouse_goods.price</c> (numeric(20, 2)) stores it. G7 may carry three decimals (G-22): looking a line up by
    /// the unrounded price would never find the row just stored.
    /// </summary>
    internal static decimal StoredPrice(decimal price) => Math.Round(price, 2, MidpointRounding.AwayFromZero);

    /// <summary>The goods line of these goods at the warehouse, created empty when missing (without locking an existing one).</summary>
    internal static async Task<long> EnsureGoodsLineAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tin, long warehouseId,
        GoodsLine goods, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            WarehouseId = warehouseId, Tin = tin, goods.GsvsCode, goods.TnvedCode, SourceKind = WarehouseNames.SourceKinds.Code(goods.SourceKind),
            goods.SourceNumber, goods.SourcePosition, goods.SourceName, goods.Country, goods.PhysicalMark, Price = StoredPrice(goods.Price), goods.Unit,
            goods.GsvsName,
        };
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO warehouse_goods ({GoodsColumns}, gsvs_name)
            VALUES (@WarehouseId, @Tin, @GsvsCode, @TnvedCode, @SourceKind, @SourceNumber, @SourcePosition, @SourceName, @Country, @PhysicalMark,
                    @Price, @Unit, @GsvsName)
            ON CONFLICT ON CONSTRAINT warehouse_goods_identity DO NOTHING
            """, parameters, transaction, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<long>(new CommandDefinition("""
            SELECT goods_id FROM warehouse_goods
            WHERE warehouse_id = @WarehouseId AND gsvs_code = @GsvsCode AND tnved_code = @TnvedCode AND source_kind = @SourceKind
              AND source_number = @SourceNumber AND source_position IS NOT DISTINCT FROM @SourcePosition AND source_name = @SourceName
              AND country = @Country AND physical_mark IS NOT DISTINCT FROM @PhysicalMark AND price = @Price AND unit = @Unit
            """, parameters, transaction, cancellationToken: cancellationToken));
    }

    internal static async Task<GoodsLine?> ReadGoodsLineAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tin, long goodsId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<GoodsBalance>(new CommandDefinition(
            $"SELECT {WarehouseBalances.Columns} FROM warehouse_goods WHERE goods_id = @GoodsId AND tin = @Tin", new { GoodsId = goodsId, Tin = tin },
            transaction, cancellationToken: cancellationToken));
        return row is null ? null : WarehouseBalances.ToGoodsLine(row);
    }
}
