using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// How a waybill (СНТ) moves goods of the virtual warehouse (docs/virtual-warehouse.md «Waybills»). A line naming a goods line of the
/// seller (<c>productId</c>) is written off it when the waybill is registered (the goods are in transit), enters the same goods at
/// the buyer's default warehouse when the buyer or an ОГД inspector confirms it, and goes back to the seller's line when the
/// waybill is declined, revoked or replaced by a corrected one (from the buyer's warehouse first, if it had been confirmed).
/// The dispatch and the delivery are movements under the cause <c>SNT</c> (<c>waybillId#line</c>), the return under
/// <c>SNT_RETURN</c>: each moves a goods line once per direction, so every step happens exactly once, and the return is read
/// back from the ledger itself (it returns what was moved, nothing else). Every method runs in the caller's transaction;
/// after a violation the caller rolls back to its savepoint.
/// </summary>
public sealed class WaybillGoods(WarehouseLedger ledger)
{
    private const string Dispatch = "SNT";

    private const string Return = "SNT_RETURN";

    private const string Out = "SNT_OUT";

    private const string In = "SNT_IN";

    /// <summary>
    /// Locks the seller's goods lines a batch of waybills draws on, in id order, before any is written off (ADR 0027); only lines
    /// of the waybill's seller (a crafted id of another taxpayer's line locks nothing, and its write-off fails with VS-02).
    /// </summary>
    public static Task LockAsync(NpgsqlConnection connection, IEnumerable<WaybillDocument> documents, CancellationToken cancellationToken)
    {
        var claims = documents.SelectMany(d => d.Body.ProductSet.Products.Select(p => (GoodsId: p.WarehouseGoodsId, Tin: d.SellerTin ?? "")))
            .Where(c => c.GoodsId is not null).Distinct().ToList();
        return connection.ExecuteAsync(new CommandDefinition("""
            SELECT 1 FROM warehouse_goods WHERE (goods_id, tin) IN (SELECT * FROM unnest(@Ids::bigint[], @Tins::text[])) ORDER BY goods_id FOR UPDATE
            """, new { Ids = claims.Select(c => c.GoodsId!.Value).ToArray(), Tins = claims.Select(c => c.Tin).ToArray() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// At registration: checks every line naming a goods line against it (VS-41 … VS-45) and writes it off the seller's warehouse;
    /// answers the violations (none: all moved).
    /// </summary>
    public async Task<IReadOnlyList<RuleViolation>> DispatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long waybillId, WaybillDocument document, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var products = document.Body.ProductSet.Products;
        var goods = await SellerGoodsAsync(connection, transaction, document, cancellationToken);
        for (var i = 0; i < products.Count; i++)
        {
            if (products[i].WarehouseGoodsId is not { } goodsId)
            {
                continue;
            }

            // A goods line that is not the seller's is VS-02's, answered by the write-off below.
            if (goods.TryGetValue(goodsId, out var line))
            {
                violations.AddRange(WaybillLineAgainstGoods.Check(products[i], i, line));
            }

            var violation = await ledger.WriteOffAsync(connection, transaction, document.SellerTin!, goodsId, products[i].Quantity ?? 0m,
                new MovementCause(Dispatch, $"{waybillId}#{i + 1}"), Out, cancellationToken);
            if (violation is not null)
            {
                violations.Add(violation with { Property = $"productSet.products[{i}].productId" });
            }
        }

        return violations;
    }

    /// <summary>The seller's goods lines the waybill's lines name, by id (already locked by <see cref="LockAsync"/>).</summary>
    private static async Task<Dictionary<long, GoodsLine>> SellerGoodsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, WaybillDocument document, CancellationToken cancellationToken)
    {
        var ids = document.Body.ProductSet.Products.Select(p => p.WarehouseGoodsId).OfType<long>().Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<GoodsBalance>(new CommandDefinition(
            $"SELECT {WarehouseBalances.Columns} FROM warehouse_goods WHERE goods_id = ANY(@Ids) AND tin = @Tin",
            new { Ids = ids, Tin = document.SellerTin }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.GoodsId, WarehouseBalances.ToGoodsLine);
    }

    /// <summary>
    /// What a status change does to the goods in transit or delivered: CONFIRMED or CONFIRMED_BY_OGD delivers them to the buyer's
    /// default warehouse; DECLINED, REVOKED or CANCELED returns them to the seller. Other changes move nothing.
    /// </summary>
    /// <returns>The violation that forbids the change (VS-20, VS-21), or null.</returns>
    public async Task<RuleViolation?> OnStatusChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long waybillId,
        string? customerTin, WaybillStatus newStatus, CancellationToken cancellationToken) => newStatus switch
        {
            WaybillStatus.Confirmed or WaybillStatus.ConfirmedByOgd => await DeliverAsync(connection, transaction, waybillId, customerTin, cancellationToken),
            WaybillStatus.Declined or WaybillStatus.Revoked or WaybillStatus.Canceled => await ReturnAsync(connection, transaction, waybillId, cancellationToken),
            _ => null,
        };

    private async Task<RuleViolation?> DeliverAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long waybillId, string? customerTin, CancellationToken cancellationToken)
    {
        var dispatched = await MovementsAsync(connection, transaction, waybillId, Dispatch, Out, cancellationToken);
        if (dispatched.Count == 0 || customerTin is null)
        {
            // Nothing of the ВС on it, or a non-resident buyer: the goods left Kazakhstan's warehouses at registration.
            return null;
        }

        var warehouseId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT warehouse_id FROM warehouses WHERE tin = @Tin AND is_default AND deleted_at IS NULL", new { Tin = customerTin }, transaction,
            cancellationToken: cancellationToken));
        if (warehouseId is null)
        {
            return WaybillWarehouseRules.BuyerMustHaveDefaultWarehouse.Violation("customer.tin", customerTin);
        }

        foreach (var movement in dispatched)
        {
            var goods = (await WarehouseLedger.ReadGoodsLineAsync(connection, transaction, movement.Tin, movement.GoodsId, cancellationToken))!;
            var (_, violation) = await ledger.ReceiveAsync(connection, transaction, customerTin, warehouseId.Value, goods, -movement.Quantity,
                new MovementCause(Dispatch, movement.CauseRef), In, cancellationToken);
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    private async Task<RuleViolation?> ReturnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long waybillId, CancellationToken cancellationToken)
    {
        // The buyer's and the seller's lines of every line of the waybill, locked in id order before any is written (ADR 0027, 5):
        // the return below writes them buyer first, seller next, line by line, which is no global order.
        await connection.ExecuteAsync(new CommandDefinition("""
            SELECT 1 FROM warehouse_goods WHERE goods_id IN (
                SELECT goods_id FROM warehouse_movements WHERE cause_kind = @CauseKind AND cause_ref LIKE @Prefix)
            ORDER BY goods_id FOR UPDATE
            """, new { CauseKind = Dispatch, Prefix = $"{waybillId}#%" }, transaction, cancellationToken: cancellationToken));
        var delivered = (await MovementsAsync(connection, transaction, waybillId, Dispatch, In, cancellationToken)).ToDictionary(m => m.CauseRef);
        foreach (var movement in await MovementsAsync(connection, transaction, waybillId, Dispatch, Out, cancellationToken))
        {
            var cause = new MovementCause(Return, movement.CauseRef);
            if (delivered.TryGetValue(movement.CauseRef, out var atBuyer)
                && await ledger.WriteOffAsync(connection, transaction, atBuyer.Tin, atBuyer.GoodsId, atBuyer.Quantity, cause, Out, cancellationToken) is not null)
            {
                return WaybillWarehouseRules.ReturnedGoodsMustBeHeldByBuyer.Violation("productId", $"goods line {atBuyer.GoodsId}, {atBuyer.Quantity}");
            }

            var goods = (await WarehouseLedger.ReadGoodsLineAsync(connection, transaction, movement.Tin, movement.GoodsId, cancellationToken))!;
            var (_, violation) = await ledger.ReceiveAsync(connection, transaction, movement.Tin, movement.WarehouseId, goods, -movement.Quantity, cause, In,
                cancellationToken);
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    /// <summary>The waybill's movements of one cause and kind, line by line (the cause_ref prefix is found in warehouse_movements_once: the column compares byte by byte, migration 0168).</summary>
    private static async Task<List<WaybillMovement>> MovementsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long waybillId,
        string causeKind, string kind, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<WaybillMovement>(new CommandDefinition("""
            SELECT goods_id AS GoodsId, warehouse_id AS WarehouseId, tin AS Tin, quantity AS Quantity, cause_ref AS CauseRef
            FROM warehouse_movements WHERE cause_kind = @CauseKind AND cause_ref LIKE @Prefix AND kind = @Kind ORDER BY goods_id
            """, new { CauseKind = causeKind, Prefix = $"{waybillId}#%", Kind = kind }, transaction, cancellationToken: cancellationToken))];

    private sealed record WaybillMovement(long GoodsId, long WarehouseId, string Tin, decimal Quantity, string CauseRef);
}
