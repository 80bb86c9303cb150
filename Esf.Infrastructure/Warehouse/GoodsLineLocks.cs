using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// How a transaction that moves goods of invoices locks the goods lines (ADR 0027, 5; ADR 0033): every line it will write, in ONE
/// statement, in goods-id order — the sellers' lines named by the sales, each only with its owner's IIN/BIN (a crafted id of
/// another taxpayer's line locks nothing, and the sale then fails with VS-02), and the buyers' lines those sales fill (the same
/// goods at the buyer's default warehouse at the price paid: exactly the line the sale will credit, when it exists already).
/// Two transactions needing the same lines then wait for each other in one order and never deadlock, also when two taxpayers
/// sell the same goods to each other at once. A buyer's line created by the sale itself is locked by its insert, in identity
/// order (<see cref="SaleBatch"/>); the buyer's lines of those goods at other prices are not written and not locked (ADR 0033,
/// amendment 4).
/// </summary>
internal static class GoodsLineLocks
{
    /// <summary>
    /// A sale's goods line: its id, its owner (the invoice's seller), the buyer whose default warehouse it fills (null: none) and the
    /// price the buyer's line has (<see cref="InvoiceGoods.PricePaid"/>; null: the seller line's own).
    /// </summary>
    internal sealed record Claim(long GoodsId, string SellerTin, string? BuyerTin, decimal? Price);

    // The buyer's line of a sale: the seller's goods (s) at the buyer's default warehouse (b), found by the goods line's identity
    // (warehouse_goods_identity, NULLs not distinct; with the price, its NOT NULL columns bound the index scan to one line).
    internal const string SameGoods = """
        b.gsvs_code = s.gsvs_code AND b.tnved_code = s.tnved_code AND b.source_kind = s.source_kind AND b.source_number = s.source_number
        AND b.source_position IS NOT DISTINCT FROM s.source_position AND b.source_name = s.source_name AND b.country = s.country
        AND b.physical_mark IS NOT DISTINCT FROM s.physical_mark AND b.unit = s.unit
        """;

    /// <summary>
    /// SQL: the goods line <paramref name="goodsId"/> (an SQL expression), as <paramref name="alias"/>, of the owner
    /// <paramref name="tin"/> when given: one look-up by id per row it is joined to (LATERAL, kept apart by <c>OFFSET 0</c>). Joined
    /// plainly to a batch's unnest, the planner read the whole table and hashed it whenever it estimated that cheaper than 100
    /// look-ups — for a table of a few thousand lines, such as the bench's buyers' lines halfway through a run — so each batch's
    /// cost grew with the table and flipped with autoanalyze (ADR 0033, amendment 7).
    /// </summary>
    internal static string LineById(string goodsId, string alias, string? tin = null) =>
        $"LATERAL (SELECT * FROM warehouse_goods {alias} WHERE {alias}.goods_id = {goodsId}{(tin is null ? "" : $" AND {alias}.tin = {tin}")} OFFSET 0) AS {alias}";

    /// <summary>What a sale's named lines claim: each seller line with the invoice's seller and buyer and the price the buyer pays.</summary>
    public static IEnumerable<Claim> Claims(InvoiceDocument document, IEnumerable<WarehouseLineRef> lines)
    {
        var products = document.Body.ProductSet.Products;
        var buyer = InvoiceGoods.Buyer.TinOf(document) is { Length: > 0 } tin ? tin : null;
        // A line number out of range fails with VS-15 before anything moves; the seller line's price then locks what would be filled.
        return lines.Select(l => new Claim(l.GoodsId, document.SellerTin ?? "", buyer,
            l.Line >= 1 && l.Line <= products.Count ? InvoiceGoods.PricePaid(products[l.Line - 1]) : null));
    }

    /// <summary>
    /// Locks the claimed lines (parameters <c>@LockGoods</c>, <c>@LockSellers</c>, <c>@LockBuyers</c>, <c>@LockPrices</c>, see <see cref="Parameters"/>)
    /// and the lines moved by the originals of <c>@LockOriginals</c> and by the invoices correcting or supplementing them (what a
    /// correction's annulment or an additional invoice's return writes), in goods-id order. Answers a row per line locked and claim:
    /// for a buyer's line, the 1-based position of its claim in <c>@LockGoods</c> (so a batch knows which buyer lines exist without
    /// another look-up, <see cref="SaleBatch"/>); NULL for the others.
    /// </summary>
    internal static readonly string Lock = $"""
        WITH c AS (
            SELECT s.goods_id, NULL::bigint AS claim FROM unnest(@LockGoods::bigint[], @LockSellers::text[]) AS d(goods_id, tin)
            CROSS JOIN {LineById("d.goods_id", "s", "d.tin")}
            UNION ALL
            SELECT b.goods_id, d.n FROM unnest(@LockGoods::bigint[], @LockSellers::text[], @LockBuyers::text[], @LockPrices::numeric[])
                 WITH ORDINALITY AS d(goods_id, tin, buyer, price, n)
            CROSS JOIN {LineById("d.goods_id", "s", "d.tin")}
            JOIN warehouses w ON w.tin = d.buyer AND w.is_default AND w.deleted_at IS NULL
            JOIN warehouse_goods b ON b.warehouse_id = w.warehouse_id AND b.price = coalesce(d.price, s.price) AND {SameGoods}
            UNION ALL
            SELECT m.goods_id, NULL FROM unnest(@LockOriginals::bigint[]) AS o(id) CROSS JOIN {InvoiceGoods.MovementsOf("o.id", "m.goods_id")}
            UNION ALL
            SELECT m.goods_id, NULL FROM invoices i CROSS JOIN {InvoiceGoods.MovementsOf("i.invoice_id", "m.goods_id")}
            WHERE i.related_invoice_id = ANY(@LockOriginals::bigint[]))
        SELECT c.claim FROM c JOIN warehouse_goods g ON g.goods_id = c.goods_id
        WHERE g.goods_id = ANY(ARRAY(SELECT goods_id FROM c))
        ORDER BY g.goods_id FOR UPDATE OF g;
        """;

    /// <summary>The parameters of <see cref="Lock"/>: each claim once, and the originals whose moved lines are locked too.</summary>
    internal static object Parameters(IEnumerable<Claim> claims, IEnumerable<long> originals)
    {
        var distinct = claims.Distinct().ToList();
        return new
        {
            LockGoods = distinct.Select(c => c.GoodsId).ToArray(),
            LockSellers = distinct.Select(c => c.SellerTin).ToArray(),
            LockBuyers = distinct.Select(c => c.BuyerTin).ToArray(),
            LockPrices = distinct.Select(c => c.Price).ToArray(),
            LockOriginals = originals.Distinct().ToArray(),
        };
    }

    /// <summary>Locks the claimed lines and those <paramref name="originals"/> and their corrections and additions moved, in goods-id order.</summary>
    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Claim> claims, IEnumerable<long> originals,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Lock, Parameters(claims, originals), transaction, cancellationToken: cancellationToken));
}
