using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Domain.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// Moves the goods of invoices sold through the virtual warehouse (issue 13 item 5), always inside the caller's transaction so
/// that the movement and the status that causes it commit together:
/// <list type="bullet">
/// <item>a sale (registration): each named line leaves the seller's goods line (SALE_OUT) and enters the buyer's default
/// warehouse (SALE_IN), or is only written off for a retail or non-resident buyer without a warehouse; a negative line of an
/// additional invoice comes back from the buyer's line the original filled (RETURN_OUT / RETURN_IN);</item>
/// <item>an undo (revocation, decline, a correction's annulment): every movement of the invoice's latest round is reversed
/// (kind + <c>_UNDO</c>), refused with VS-14 when a line no longer holds what the invoice put there;</item>
/// <item>a system annulment (a waybill's decline or revocation, the ОГД), which nobody can refuse: the same reversal of what is
/// still there, the rest recorded as a shortfall (<c>warehouse_shortfalls</c>), never a negative balance;</item>
/// <item>a redo (the customer's unrevoke): the undone round is moved again as the next round.</item>
/// </list>
/// Each line's movements share the cause <c>INVOICE</c> / <c>{invoiceId}/{line}/{round}</c>, so every effect is written once
/// (ADR 0027, 4): a redelivered verdict finds the invoice decided, and even a repeated call moves nothing twice. The caller
/// must roll back (to a savepoint) when a violation is answered: some movements may already be written.
/// </summary>
public sealed class InvoiceGoods(WarehouseLedger ledger, TimeProvider clock)
{
    public const string CauseKind = "INVOICE";

    private const string SaleOut = "SALE_OUT";
    private const string SaleIn = "SALE_IN";
    private const string ReturnOut = "RETURN_OUT";
    private const string ReturnIn = "RETURN_IN";
    private const string Undo = "_UNDO";

    /// <summary>Checks the named lines against their goods lines (VS-02, VS-07 … VS-15) and moves them; answers the violations.</summary>
    /// <param name="related">The original of an additional invoice, whose buyer line a negative line returns from.</param>
    public async Task<IReadOnlyList<RuleViolation>> SellAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId,
        InvoiceDocument document, IReadOnlyList<WarehouseLineRef> lines, Related? related, CancellationToken cancellationToken)
    {
        var products = document.Body.ProductSet.Products;
        var seller = document.SellerTin ?? "";
        // Every line this writes, locked in one order first (a crafted id of another taxpayer's line is neither locked nor read).
        await GoodsLineLocks.LockAsync(connection, transaction, GoodsLineLocks.Claims(document, lines), related is null ? [] : [related.InvoiceId],
            cancellationToken);
        var goods = (await connection.QueryAsync<GoodsBalance>(new CommandDefinition($"""
            SELECT {WarehouseBalances.Columns} FROM warehouse_goods WHERE goods_id = ANY(@Ids) AND tin = @Tin
            """, new { Ids = lines.Select(l => l.GoodsId).ToArray(), Tin = seller }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(g => g.GoodsId);
        var buyer = await BuyerAsync(connection, transaction, document, cancellationToken);
        var violations = CheckSale(document, lines, goods.GetValueOrDefault, buyer);
        if (violations.Count > 0)
        {
            return violations;
        }

        foreach (var line in lines)
        {
            var product = products[line.Line - 1];
            var cause = Cause(invoiceId, line.Line, 0);
            var quantity = product.Quantity!.Value;
            var violation = quantity > 0
                ? await MoveOutAsync(connection, transaction, seller, goods[line.GoodsId], product.UnitPrice, quantity, buyer, cause, cancellationToken)
                : await ReturnByAdditionalAsync(connection, transaction, seller, line, -quantity, invoiceId, related, cause, cancellationToken);
            if (violation is not null)
            {
                return [OnLine(violation, line.Line)];
            }
        }

        return [];
    }

    /// <summary>
    /// The sales of a verdict batch, set-based (<see cref="SaleBatch"/>): the same checks as <see cref="SellAsync"/>, the seller's
    /// lines locked in id order, the sales that fit decided in upload order (VS-01 for the others), all moved at once.
    /// </summary>
    /// <param name="sales">Sales that only take goods out (<see cref="OnlySells"/>), in upload order.</param>
    /// <returns>The violations of each sale that cannot move; the others have moved.</returns>
    public Task<IReadOnlyDictionary<long, IReadOnlyList<RuleViolation>>> SellAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<InvoiceSale> sales, CancellationToken cancellationToken) =>
        SaleBatch.SellAsync(connection, transaction, sales, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// The price of the buyer's goods line a sale of <paramref name="product"/> fills: the buyer's «Цена» is what it paid (G7, without
    /// taxes), rounded as the column stores it; null when the line names none (the seller line's own price then).
    /// </summary>
    internal static decimal? PricePaid(Domain.Invoices.Document.Product product) =>
        product.UnitPrice is > 0 ? WarehouseLedger.StoredPrice(product.UnitPrice.Value) : null;

    /// <summary>Whether the named lines only sell (none is a negative line of an additional invoice, which returns goods).</summary>
    public static bool OnlySells(InvoiceDocument document, IReadOnlyList<WarehouseLineRef> lines)
    {
        var products = document.Body.ProductSet.Products;
        return lines.All(l => l.Line < 1 || l.Line > products.Count || products[l.Line - 1].Quantity is not < 0);
    }

    /// <summary>
    /// What is checked before a sale moves anything: the references (VS-15), each named goods line against the seller's own
    /// (VS-02; VS-07 … VS-12 per column), and where the goods go (VS-13).
    /// </summary>
    /// <param name="sellersLine">The seller's goods line of that id, or null when it has none.</param>
    internal static List<RuleViolation> CheckSale(
        InvoiceDocument document, IReadOnlyList<WarehouseLineRef> lines, Func<long, GoodsBalance?> sellersLine, Buyer buyer)
    {
        var products = document.Body.ProductSet.Products;
        var violations = new List<RuleViolation>();
        InvoiceLineAgainstGoods.CheckReferences(products, lines, violations);
        if (violations.Count > 0)
        {
            return violations;
        }

        foreach (var line in lines)
        {
            violations.AddRange(sellersLine(line.GoodsId) is { } row && row.WarehouseId == line.WarehouseId
                ? InvoiceLineAgainstGoods.Check(products[line.Line - 1], line.Line - 1, WarehouseBalances.ToGoodsLine(row))
                : [WarehouseRules.GoodsLineMustExist.Violation("warehouseLines", $"строка {line.Line}: склад {line.WarehouseId}, позиция {line.GoodsId}")]);
        }

        if (buyer.Violation is { } noWarehouse)
        {
            violations.Add(noWarehouse);
        }

        return violations;
    }

    /// <summary>VS-01 for a write-off of <paramref name="quantity"/> the line does not hold, naming the invoice line.</summary>
    internal static RuleViolation Oversold(long goodsId, decimal quantity, int line) =>
        OnLine(WarehouseRules.BalanceMustCoverWriteOff.Violation("quantity", $"goods line {goodsId}, {quantity}"), line);

    private static RuleViolation OnLine(RuleViolation violation, int line) => violation with { Message = $"{violation.Message} (строка {line})" };

    /// <summary>Reverses the invoice's latest round of movements that is not reversed yet (revocation, decline, a correction's annulment).</summary>
    /// <returns>VS-14 when a line no longer holds what the invoice moved to it; null when done or nothing moved.</returns>
    public Task<RuleViolation?> UndoAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId, CancellationToken cancellationToken) =>
        ReverseAsync(connection, transaction, invoiceId, WhenShort.Refuse, cancellationToken);

    /// <summary>
    /// A system annulment of invoices the caller has locked (CANCELED_BY_SNT_DECLINE / _REVOKE, CANCELED_BY_OGD): each one that
    /// moved goods has its latest round reversed as far as the lines still hold the goods; what they lack is recorded as a
    /// shortfall and the seller gets back only what came back. One indexed query when none of them moved goods.
    /// </summary>
    public async Task AnnulAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<long> invoiceIds, CancellationToken cancellationToken)
    {
        var moved = await MovedAsync(connection, transaction, [.. invoiceIds], cancellationToken);
        if (moved.Length == 0)
        {
            return;
        }

        // Every goods line of every annulled invoice, locked in id order before any moves (ADR 0027, 5).
        await LockGoodsOfAsync(connection, transaction, moved, cancellationToken);
        foreach (var id in moved)
        {
            // Only a broken ledger (a line gone or not its owner's) refuses: the annulment cannot be left half done.
            if (await ReverseAsync(connection, transaction, id, WhenShort.Record, cancellationToken) is { } violation)
            {
                throw new InvalidOperationException($"The annulment of invoice {id} cannot reverse its goods: {violation.RuleId}: {violation.Message}");
            }
        }
    }

    /// <summary>Moves an undone round again as the next round (the customer restores a revoked invoice); VS-01 when the seller lacks the goods.</summary>
    public async Task<RuleViolation?> RedoAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId, CancellationToken cancellationToken)
    {
        var latest = await LatestRoundsAsync(connection, transaction, invoiceId, cancellationToken);
        foreach (var round in latest.Where(m => m.Undone))
        {
            var cause = Cause(invoiceId, round.Line, round.Round + 1);
            // Out of a line before into another: a write-off judges the balance the undo restored.
            foreach (var move in round.Moves.OrderBy(m => m.Quantity))
            {
                var violation = move.Quantity < 0
                    ? await ledger.WriteOffAsync(connection, transaction, move.Tin, move.GoodsId, -move.Quantity, cause, move.Kind, cancellationToken)
                    : await ledger.CreditAsync(connection, transaction, move.Tin, move.GoodsId, move.Quantity, cause, move.Kind, cancellationToken);
                if (violation is not null)
                {
                    return violation;
                }
            }
        }

        return null;
    }

    /// <summary>Those of <paramref name="invoiceIds"/> that moved goods (one indexed query; for paths that lack the invoice row).</summary>
    public static async Task<long[]> MovedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long[] invoiceIds, CancellationToken ct) =>
        invoiceIds.Length == 0
            ? []
            : [.. await connection.QueryAsync<long>(new CommandDefinition(
                $"""
                SELECT DISTINCT i.id FROM unnest(@Ids::bigint[]) AS i(id) CROSS JOIN {MovementsOf("i.id", "1")} ORDER BY i.id
                """, new { Ids = invoiceIds },
                transaction, cancellationToken: ct))];

    private static MovementCause Cause(long invoiceId, int line, int round) => new(CauseKind, $"{invoiceId}/{line}/{round}", invoiceId);

    /// <summary>
    /// SQL: the movement <paramref name="movement"/> was caused by the invoice <paramref name="invoiceId"/> (an SQL expression). An
    /// invoice's causes are '&lt;invoiceId&gt;/&lt;line&gt;/&lt;round&gt;' (<see cref="Cause"/>; the CHECK of migration 0169 holds
    /// <c>invoice_id</c> to it) and <c>cause_ref</c> compares byte by byte (0168), so they are the range ['id/', 'id0') of
    /// warehouse_movements_once ('0' follows '/'): found without an index on <c>invoice_id</c>. The equality on <c>invoice_id</c> is
    /// what the range means; it is there for the planner, which cannot estimate a range between two expressions.
    /// </summary>
    internal static string MovedBy(string movement, string invoiceId) =>
        $"{movement}.cause_kind = '{CauseKind}' AND {movement}.cause_ref >= ({invoiceId})::text || '/' AND {movement}.cause_ref < ({invoiceId})::text || '0' "
        + $"AND {movement}.invoice_id = {invoiceId}";

    /// <summary>
    /// SQL: <c>LATERAL (…) AS m</c>, the <paramref name="columns"/> of the movements (<c>m</c>) the invoice <paramref name="invoiceId"/>
    /// (an expression of the outer query) caused, for a join with a set of invoices. OFFSET 0 keeps it a subquery run per invoice on
    /// the index range of <see cref="MovedBy"/>: flattened into the join, the range's estimate made the planner hash the whole table.
    /// </summary>
    internal static string MovementsOf(string invoiceId, string columns) =>
        $"LATERAL (SELECT {columns} FROM warehouse_movements m WHERE {MovedBy("m", invoiceId)} OFFSET 0) AS m";

    private async Task<RuleViolation?> ReverseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId, WhenShort whenShort, CancellationToken cancellationToken)
    {
        foreach (var round in (await LatestRoundsAsync(connection, transaction, invoiceId, cancellationToken)).Where(r => !r.Undone))
        {
            if (await ReverseRoundAsync(connection, transaction, invoiceId, round, whenShort, cancellationToken) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    /// <summary>
    /// One line's round reversed: first out of the lines it filled (as much as they still hold), then back into the line it
    /// emptied — as much as came out, or all of it when it filled none (a retail or non-resident buyer's goods were written
    /// off, so nobody holds them). Goods are never created: a shortfall is what the seller does not get back.
    /// </summary>
    private async Task<RuleViolation?> ReverseRoundAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId,
        LineRound round, WhenShort whenShort, CancellationToken cancellationToken)
    {
        var cause = new MovementCause(CauseKind, round.Moves[0].CauseRef, invoiceId);
        var filled = new List<(InvoiceMove Move, decimal Taken)>();
        foreach (var move in round.Moves.Where(m => m.Quantity > 0))
        {
            var held = await connection.QuerySingleAsync<decimal>(new CommandDefinition(
                "SELECT quantity FROM warehouse_goods WHERE goods_id = @GoodsId", new { move.GoodsId }, transaction, cancellationToken: cancellationToken));
            filled.Add((move, Math.Min(move.Quantity, held)));
        }

        foreach (var (move, taken) in filled.Where(f => f.Taken < f.Move.Quantity))
        {
            if (whenShort == WhenShort.Refuse)
            {
                return InvoiceGoodsRules.ReturnMustBeCovered.Violation("invoiceId", $"ЭСФ {invoiceId}, позиция {move.GoodsId}");
            }

            if (!await RecordShortfallAsync(connection, transaction, invoiceId, move, move.Quantity - taken, cancellationToken))
            {
                return null; // recorded before: this round was annulled already
            }
        }

        foreach (var (move, taken) in filled.Where(f => f.Taken > 0))
        {
            if (await ledger.WriteOffAsync(connection, transaction, move.Tin, move.GoodsId, taken, cause, move.Kind + Undo, cancellationToken) is { } violation)
            {
                return violation;
            }
        }

        var back = filled.Count > 0 ? filled.Sum(f => f.Taken) : -round.Moves.Sum(m => m.Quantity);
        foreach (var move in round.Moves.Where(m => m.Quantity < 0))
        {
            var credit = Math.Min(back, -move.Quantity);
            if (credit <= 0)
            {
                break;
            }

            back -= credit;
            if (await ledger.CreditAsync(connection, transaction, move.Tin, move.GoodsId, credit, cause, move.Kind + Undo, cancellationToken) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    /// <summary>Records what a line lacked; false when it was recorded before (the unique cause and kind, like a movement's).</summary>
    private async Task<bool> RecordShortfallAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId, InvoiceMove move,
        decimal quantity, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO warehouse_shortfalls (invoice_id, cause_ref, kind, goods_id, tin, quantity, recorded_at)
            VALUES (@InvoiceId, @CauseRef, @Kind, @GoodsId, @Tin, @Quantity, @Now)
            ON CONFLICT ON CONSTRAINT warehouse_shortfalls_once DO NOTHING
            """, new { InvoiceId = invoiceId, move.CauseRef, move.Kind, move.GoodsId, move.Tin, Quantity = quantity, Now = clock.GetUtcNow().UtcDateTime },
            transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Every goods line the invoices moved, locked in id order.</summary>
    private static Task LockGoodsOfAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] invoiceIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"""
            SELECT 1 FROM warehouse_goods WHERE goods_id IN (
                SELECT m.goods_id FROM unnest(@Ids::bigint[]) AS i(id) CROSS JOIN {MovementsOf("i.id", "m.goods_id")})
            ORDER BY goods_id FOR UPDATE
            """, new { Ids = invoiceIds }, transaction, cancellationToken: cancellationToken));

    private async Task<RuleViolation?> MoveOutAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string seller, GoodsBalance from,
        decimal? unitPrice, decimal quantity, Buyer buyer, MovementCause cause, CancellationToken cancellationToken)
    {
        var violation = await ledger.WriteOffAsync(connection, transaction, seller, from.GoodsId, quantity, cause, SaleOut, cancellationToken);
        if (violation is not null || buyer.WarehouseId is not { } warehouseId)
        {
            return violation;
        }

        // The buyer's «Цена» is what it paid (G7, without taxes); every other column stays the goods' own, so they stay traceable.
        var goods = WarehouseBalances.ToGoodsLine(from) with { Price = unitPrice is > 0 ? unitPrice.Value : from.Price };
        return (await ledger.ReceiveAsync(connection, transaction, buyer.Tin!, warehouseId, goods, quantity, cause, SaleIn, cancellationToken)).Violation;
    }

    /// <summary>
    /// A negative line of an additional invoice: back from the buyer's line the original's sale of that goods line filled, at most
    /// what the original sold from it less what its additional invoices returned already (VS-14 otherwise, nothing moved: a seller
    /// is never credited goods its original did not take out of that line).
    /// </summary>
    private async Task<RuleViolation?> ReturnByAdditionalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string seller,
        WarehouseLineRef line, decimal quantity, long invoiceId, Related? related, MovementCause cause, CancellationToken cancellationToken)
    {
        var returnable = related is null ? null : await connection.QueryFirstOrDefaultAsync<Returnable>(new CommandDefinition($"""
            SELECT i.goods_id AS BuyerGoodsId, i.tin AS BuyerTin,
                   (SELECT -sum(s.quantity) FROM warehouse_movements s
                    WHERE {MovedBy("s", "@Original")} AND s.goods_id = @GoodsId AND s.tin = @Seller
                      AND s.kind IN ('{SaleOut}', '{SaleOut}{Undo}'))
                 - coalesce((SELECT sum(m.quantity)
                    FROM (SELECT a.invoice_id FROM invoices a WHERE a.related_invoice_id = @Original UNION SELECT unnest(@Earlier::bigint[])) AS x(id)
                    CROSS JOIN {MovementsOf("x.id", "m.quantity, m.goods_id, m.tin, m.kind")}
                    WHERE m.goods_id = @GoodsId AND m.tin = @Seller AND m.kind IN ('{ReturnIn}', '{ReturnIn}{Undo}')), 0) AS Left
            FROM warehouse_movements o
            JOIN warehouse_movements i ON i.cause_kind = o.cause_kind AND i.cause_ref = o.cause_ref AND i.kind = '{SaleIn}'
            WHERE {MovedBy("o", "@Original")} AND o.kind = '{SaleOut}' AND o.goods_id = @GoodsId AND o.tin = @Seller
            ORDER BY o.movement_id DESC
            """, new { Original = related.InvoiceId, line.GoodsId, Seller = seller, Earlier = related.EarlierReturns.Append(invoiceId).ToArray() },
            transaction, cancellationToken: cancellationToken));
        if (returnable is not { } bought || bought.Left < quantity)
        {
            return InvoiceGoodsRules.ReturnMustBeCovered.Violation("quantity",
                $"позиция {line.GoodsId}, {quantity}: по исходному ЭСФ можно вернуть {Math.Max(returnable?.Left ?? 0m, 0m)}");
        }

        if (await ledger.WriteOffAsync(connection, transaction, bought.BuyerTin, bought.BuyerGoodsId, quantity, cause, ReturnOut, cancellationToken) is not null)
        {
            return InvoiceGoodsRules.ReturnMustBeCovered.Violation("quantity", $"позиция {bought.BuyerGoodsId}, {quantity}");
        }

        return await ledger.CreditAsync(connection, transaction, seller, line.GoodsId, quantity, cause, ReturnIn, cancellationToken);
    }

    /// <summary>Where the goods of the invoice go (<see cref="Buyer.Of"/>), with the buyer's default warehouse read.</summary>
    private static async Task<Buyer> BuyerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InvoiceDocument document,
        CancellationToken cancellationToken)
    {
        var tin = Buyer.TinOf(document);
        var warehouseId = string.IsNullOrEmpty(tin) ? null : await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT warehouse_id FROM warehouses WHERE tin = @Tin AND is_default AND deleted_at IS NULL", new { Tin = tin }, transaction,
            cancellationToken: cancellationToken));
        return Buyer.Of(document, warehouseId);
    }

    /// <summary>Per invoice line, the movements of its latest round and whether they were undone.</summary>
    private static async Task<IReadOnlyList<LineRound>> LatestRoundsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId, CancellationToken cancellationToken)
    {
        var moves = (await connection.QueryAsync<InvoiceMove>(new CommandDefinition($"""
            SELECT goods_id, tin, quantity, kind, cause_ref FROM warehouse_movements m WHERE {MovedBy("m", "@Id")} ORDER BY goods_id
            """, new { Id = invoiceId }, transaction, cancellationToken: cancellationToken))).ToList();
        if (moves.Count > 0)
        {
            // Every goods line this will touch, locked in id order first (ADR 0027, 5).
            await LockGoodsOfAsync(connection, transaction, [invoiceId], cancellationToken);
        }

        return [.. moves.GroupBy(m => m.Line)
            .Select(line => line.GroupBy(m => m.Round).MaxBy(r => r.Key)!)
            .Select(round => new LineRound(round.First().Line, round.Key, round.Any(m => m.Kind.EndsWith(Undo, StringComparison.Ordinal)),
                [.. round.Where(m => !m.Kind.EndsWith(Undo, StringComparison.Ordinal))]))];
    }

    /// <summary>What a reversal does when a line no longer holds what the invoice moved into it.</summary>
    private enum WhenShort
    {
        /// <summary>A party's change (revocation, decline, correction) is refused with VS-14.</summary>
        Refuse,

        /// <summary>A system annulment takes what is there and records the rest in <c>warehouse_shortfalls</c>.</summary>
        Record,
    }

    /// <summary>Where a sale's goods go: the buyer's default warehouse, nowhere (written off), or nowhere allowed (VS-13).</summary>
    internal sealed record Buyer(string? Tin, long? WarehouseId, RuleViolation? Violation)
    {
        /// <summary>The customer's IIN/BIN (the first customer's), trimmed.</summary>
        public static string? TinOf(InvoiceDocument document) => document.Body.Customers.FirstOrDefault()?.Tin?.Trim();

        /// <summary>
        /// The buyer's default warehouse when it names an IIN/BIN that has one; nowhere (written off) for a retail or non-resident
        /// buyer without one (spec-invoice §4.6); otherwise VS-13.
        /// </summary>
        public static Buyer Of(InvoiceDocument document, long? defaultWarehouseId)
        {
            var customer = document.Body.Customers.FirstOrDefault();
            var tin = TinOf(document);
            var writtenOff = customer is not null && (customer.Has(Categories.Retail) || customer.Has(Categories.NonResident));
            return defaultWarehouseId is null && !writtenOff
                ? new Buyer(tin, null, InvoiceGoodsRules.BuyerMustHaveDefaultWarehouse.Violation(Paths.Customer(0, "tin"), tin ?? ""))
                : new Buyer(tin, string.IsNullOrEmpty(tin) ? null : defaultWarehouseId, null);
        }
    }

    private sealed record InvoiceMove(long GoodsId, string Tin, decimal Quantity, string Kind, string CauseRef)
    {
        public int Line => int.Parse(CauseRef.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

        public int Round => int.Parse(CauseRef.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What an additional invoice's negative line may return: the buyer's line the original filled and how much is left.</summary>
    private sealed record Returnable(long BuyerGoodsId, string BuyerTin, decimal Left);

    /// <summary>The original of an additional invoice.</summary>
    /// <param name="InvoiceId">The original's id.</param>
    /// <param name="EarlierReturns">Additional invoices of the same original moved earlier in this transaction: their
    /// related_invoice_id is written only with the verdicts, so their returns count against the cap through this list.</param>
    public sealed record Related(long InvoiceId, IReadOnlyCollection<long> EarlierReturns);

    private sealed record LineRound(int Line, int Round, bool Undone, IReadOnlyList<InvoiceMove> Moves);
}
