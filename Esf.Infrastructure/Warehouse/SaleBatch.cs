using Dapper;
using Esf.Domain.Rules;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The sales of a verdict batch moved set-based (issue 13, ADR 0033 amendment «one batch, two round trips»), whatever the
/// batch's size:
/// <list type="number">
/// <item>one round trip locks every goods line the batch will write — the sellers' lines it names, only with their owner's
/// IIN/BIN, and the buyers' lines those sales fill — in one statement in id order (<see cref="GoodsLineLocks"/>; ADR 0027, 5:
/// batches drawing the same lines queue instead of deadlocking), and reads the sellers' lines and the buyers' default warehouses;</item>
/// <item>in memory, each sale is checked like a single one (<see cref="InvoiceGoods.CheckSale"/>) and, in upload order, takes
/// its quantities from what the locked lines still hold: a sale that does not fit FAILS with VS-01 and takes nothing, so the
/// sales after it still can;</item>
/// <item>one round trip writes what fits: the buyers' goods lines created where missing, then one statement inserting every
/// movement (SALE_OUT, and SALE_IN unless the goods are written off) and adding each line's sum of what was written.</item>
/// </list>
/// The balance can never go negative: the lines are locked before the decision and only this transaction changes them until it
/// commits. Exactly once as before: a movement's cause (<c>INVOICE</c>, <c>{invoiceId}/{line}/0</c>, kind) is unique, and a
/// balance changes only by the movements actually inserted.
/// </summary>
internal static class SaleBatch
{
    private const string Identity = """
        gsvs_code, tnved_code, source_kind, source_number, source_position, source_name, country, physical_mark
        """;

    // Every line the batch writes locked in one order (GoodsLineLocks), then the sellers' lines read with their owners: a goods id
    // of another taxpayer is neither locked nor read, so its sale fails with VS-02.
    private static readonly string ReadAndLock = $"""
        {GoodsLineLocks.Lock}
        SELECT s.* FROM (SELECT DISTINCT * FROM unnest(@LockGoods::bigint[], @LockSellers::text[])) AS d(goods_id, tin)
        CROSS JOIN LATERAL (SELECT {WarehouseBalances.Columns} FROM warehouse_goods WHERE goods_id = d.goods_id AND tin = d.tin OFFSET 0) AS s;
        SELECT s.goods_id, s.tin FROM (SELECT DISTINCT * FROM unnest(@LockGoods::bigint[], @LockSellers::text[])) AS d(goods_id, tin)
        CROSS JOIN {GoodsLineLocks.LineById("d.goods_id", "s", "d.tin")};
        SELECT tin, warehouse_id FROM warehouses WHERE tin = ANY(@Buyers) AND is_default AND deleted_at IS NULL;
        """;

    // Two statements in one round trip: the second sees the buyer lines the first created. A buyer's line missing when the batch
    // was locked is created holding what the batch's sales put into it (@Fills), so it is written once instead of inserted at 0
    // and updated; the second statement then adds to every line what was written minus what its creation already holds, which is
    // zero for such a line unless one of those sales did not move (its cause moved before: ON CONFLICT), so a balance is still
    // exactly the sum of the line's movements (ADR 0033, amendment 5). A line another transaction created since the lock takes
    // the fill on conflict, and the same difference applies. The second's UPDATE names the lines by their ids as well as by the
    // join: joined alone, the planner (estimating the written rows, not knowing they are few lines) scanned the whole
    // warehouse_goods table for every batch. The buyer lines are taken in identity order, so two batches crediting the same lines
    // lock them in the same order; a line without its ГС ВС name takes the seller's (as a single receipt does).
    private static readonly string Write = $"""
        INSERT INTO warehouse_goods (warehouse_id, tin, {Identity}, price, unit, gsvs_name, quantity)
        SELECT d.warehouse_id, d.tin, s.gsvs_code, s.tnved_code, s.source_kind, s.source_number, s.source_position, s.source_name,
               s.country, s.physical_mark, coalesce(d.price, s.price), s.unit, min(s.gsvs_name), coalesce(sum(d.quantity) FILTER (WHERE d.fills), 0)
        FROM unnest(@Goods, @BuyerWarehouses, @BuyerTins, @Prices, @Quantities, @Fills) AS d(goods_id, warehouse_id, tin, price, quantity, fills)
        CROSS JOIN {GoodsLineLocks.LineById("d.goods_id", "s")}
        WHERE d.warehouse_id IS NOT NULL
        GROUP BY d.warehouse_id, d.tin, s.gsvs_code, s.tnved_code, s.source_kind, s.source_number, s.source_position, s.source_name,
                 s.country, s.physical_mark, coalesce(d.price, s.price), s.unit
        ORDER BY d.warehouse_id, s.gsvs_code, s.tnved_code, s.source_kind, s.source_number, s.source_position, s.source_name,
                 s.country, s.physical_mark, coalesce(d.price, s.price), s.unit
        ON CONFLICT ON CONSTRAINT warehouse_goods_identity DO UPDATE
        SET quantity = warehouse_goods.quantity + EXCLUDED.quantity, gsvs_name = coalesce(warehouse_goods.gsvs_name, EXCLUDED.gsvs_name)
        WHERE EXCLUDED.quantity <> 0 OR (warehouse_goods.gsvs_name IS NULL AND EXCLUDED.gsvs_name IS NOT NULL);

        WITH sale AS (
            SELECT d.n, d.invoice_id, format('%s/%s/0', d.invoice_id, d.line) AS cause_ref, d.quantity, d.fills,
                   s.goods_id, s.warehouse_id, s.tin, b.goods_id AS buyer_goods_id, b.warehouse_id AS buyer_warehouse_id, b.tin AS buyer_tin
            FROM unnest(@Invoices, @Lines, @Goods, @Quantities, @BuyerWarehouses, @Prices, @Fills) WITH ORDINALITY
                 AS d(invoice_id, line, goods_id, quantity, warehouse_id, price, fills, n)
            CROSS JOIN {GoodsLineLocks.LineById("d.goods_id", "s")}
            LEFT JOIN LATERAL (SELECT * FROM warehouse_goods b
                WHERE b.warehouse_id = d.warehouse_id AND b.price = coalesce(d.price, s.price) AND {GoodsLineLocks.SameGoods} OFFSET 0) AS b ON true
        ),
        written AS (
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id)
            SELECT m.goods_id, m.warehouse_id, m.tin, m.quantity, m.kind, '{InvoiceGoods.CauseKind}', sale.cause_ref, @Now, sale.invoice_id
            FROM sale CROSS JOIN LATERAL (VALUES
                (0, sale.goods_id, sale.warehouse_id, sale.tin, -sale.quantity, 'SALE_OUT'),
                (1, sale.buyer_goods_id, sale.buyer_warehouse_id, sale.buyer_tin, sale.quantity, 'SALE_IN')) AS m(side, goods_id, warehouse_id, tin, quantity, kind)
            WHERE m.goods_id IS NOT NULL
            ORDER BY sale.n, m.side
            ON CONFLICT ON CONSTRAINT warehouse_movements_once DO NOTHING
            RETURNING goods_id, quantity
        ),
        change AS (
            SELECT goods_id, sum(quantity) AS quantity FROM (
                SELECT goods_id, quantity FROM written
                UNION ALL
                SELECT buyer_goods_id, -quantity FROM sale WHERE fills) AS c
            GROUP BY goods_id HAVING sum(quantity) <> 0
        )
        UPDATE warehouse_goods g SET quantity = g.quantity + c.quantity
        FROM change c
        WHERE g.goods_id = c.goods_id AND g.goods_id = ANY(ARRAY(SELECT goods_id FROM change));
        """;

    /// <param name="sales">In upload order: who comes first takes first.</param>
    /// <param name="now">The movements' time (the enterprise's clock).</param>
    /// <returns>The violations of each sale that did not move; every other sale has moved.</returns>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<RuleViolation>>> SellAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<InvoiceSale> sales, DateTime now, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<long, IReadOnlyList<RuleViolation>>();
        if (sales.Count == 0)
        {
            return failures;
        }

        var lines = await ReadAndLockAsync(connection, transaction, sales, cancellationToken);
        var moves = new List<Move>();
        foreach (var sale in sales)
        {
            var seller = sale.Document.SellerTin ?? "";
            var buyer = InvoiceGoods.Buyer.Of(sale.Document, InvoiceGoods.Buyer.TinOf(sale.Document) is { } tin ? lines.DefaultWarehouses.GetValueOrDefault(tin) : null);
            var violations = InvoiceGoods.CheckSale(sale.Document, sale.Lines, id => lines.Owners.GetValueOrDefault(id) == seller ? lines.Goods[id] : null, buyer);
            if (violations.Count == 0 && lines.Take(sale) is { } oversold)
            {
                violations.Add(oversold);
            }

            if (violations.Count > 0)
            {
                failures[sale.InvoiceId] = violations;
                continue;
            }

            moves.AddRange(sale.Lines.Zip(GoodsLineLocks.Claims(sale.Document, sale.Lines),
                (line, claim) => Move.Of(sale, line, buyer, fills: buyer.WarehouseId is not null && !lines.Filled.Contains(claim))));
        }

        if (moves.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(Write, new
            {
                Invoices = moves.Select(m => m.InvoiceId).ToArray(),
                Lines = moves.Select(m => m.Line).ToArray(),
                Goods = moves.Select(m => m.GoodsId).ToArray(),
                Quantities = moves.Select(m => m.Quantity).ToArray(),
                BuyerWarehouses = moves.Select(m => m.BuyerWarehouseId).ToArray(),
                BuyerTins = moves.Select(m => m.BuyerTin).ToArray(),
                Prices = moves.Select(m => m.Price).ToArray(),
                Fills = moves.Select(m => m.Fills).ToArray(),
                Now = now,
            }, transaction, cancellationToken: cancellationToken));
        }

        return failures;
    }

    private static async Task<LockedLines> ReadAndLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<InvoiceSale> sales,
        CancellationToken cancellationToken)
    {
        var claims = sales.SelectMany(s => GoodsLineLocks.Claims(s.Document, s.Lines)).Distinct().ToList();
        var parameters = new DynamicParameters(GoodsLineLocks.Parameters(claims, []));
        parameters.Add("Buyers", sales.Select(s => InvoiceGoods.Buyer.TinOf(s.Document)).OfType<string>().Where(t => t.Length > 0).Distinct().ToArray());
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(ReadAndLock, parameters, transaction, cancellationToken: cancellationToken));
        var filled = (await results.ReadAsync<long?>()).OfType<long>().Select(n => claims[(int)n - 1]).ToHashSet();
        var goods = (await results.ReadAsync<GoodsBalance>()).ToDictionary(g => g.GoodsId);
        var owners = (await results.ReadAsync<(long GoodsId, string Tin)>()).ToDictionary(o => o.GoodsId, o => o.Tin);
        var defaults = (await results.ReadAsync<(string Tin, long WarehouseId)>()).ToDictionary(d => d.Tin, d => (long?)d.WarehouseId);
        return new LockedLines(goods, owners, defaults, filled);
    }

    /// <summary>The seller lines of the batch as locked, what each still holds as the sales are decided, and the buyers' defaults.</summary>
    private sealed class LockedLines(Dictionary<long, GoodsBalance> goods, Dictionary<long, string> owners, Dictionary<string, long?> defaultWarehouses,
        HashSet<GoodsLineLocks.Claim> filled)
    {
        private readonly Dictionary<long, decimal> left = goods.ToDictionary(g => g.Key, g => g.Value.Quantity);

        public IReadOnlyDictionary<long, GoodsBalance> Goods => goods;

        public IReadOnlyDictionary<long, string> Owners => owners;

        public IReadOnlyDictionary<string, long?> DefaultWarehouses => defaultWarehouses;

        /// <summary>The claims whose buyer line exists already (locked): a sale of any other fills a line the batch creates.</summary>
        public IReadOnlySet<GoodsLineLocks.Claim> Filled => filled;

        /// <summary>Takes the sale's quantities when every line fits (lines naming one goods line add up); VS-01 on the first that does not.</summary>
        public RuleViolation? Take(InvoiceSale sale)
        {
            var products = sale.Document.Body.ProductSet.Products;
            var taken = new Dictionary<long, decimal>();
            foreach (var line in sale.Lines)
            {
                var quantity = products[line.Line - 1].Quantity!.Value;
                var before = taken.GetValueOrDefault(line.GoodsId);
                if (left[line.GoodsId] - before < quantity)
                {
                    return InvoiceGoods.Oversold(line.GoodsId, quantity, line.Line);
                }

                taken[line.GoodsId] = before + quantity;
            }

            foreach (var (goodsId, quantity) in taken)
            {
                left[goodsId] -= quantity;
            }

            return null;
        }
    }

    /// <summary>
    /// One invoice line's sale: out of the seller's line, into the buyer's default warehouse (none: written off) at the price paid;
    /// <paramref name="Fills"/>: the buyer had no such line when the batch was locked, so the write creates it with this sale in it.
    /// </summary>
    private sealed record Move(long InvoiceId, int Line, long GoodsId, decimal Quantity, long? BuyerWarehouseId, string? BuyerTin, decimal? Price, bool Fills)
    {
        public static Move Of(InvoiceSale sale, Domain.Warehouse.WarehouseLineRef line, InvoiceGoods.Buyer buyer, bool fills)
        {
            var product = sale.Document.Body.ProductSet.Products[line.Line - 1];
            return new(sale.InvoiceId, line.Line, line.GoodsId, product.Quantity!.Value, buyer.WarehouseId, buyer.Tin, InvoiceGoods.PricePaid(product), fills);
        }
    }
}
