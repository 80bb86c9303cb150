using Esf.Infrastructure.Waybills;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// A table the feed is made of (ADR 0031): every row gets a position and instant from <see cref="FeedSequencer"/>, kept in
/// <c>feed_positions</c> under <see cref="Source"/> and the row's id (ADR 0043: the row itself is never rewritten), and <see cref="Select"/> reads the rows after <c>@After</c> that <c>@Tin</c> may see, in the
/// columns of <see cref="FeedReader"/>. Each kind keeps its own tenant predicate: an invoice event is seen by whoever sees the
/// invoice (<see cref="Invoices.InvoiceVisibility"/>), a waybill event by whoever sees the waybill
/// (<see cref="WaybillVisibility"/>), a movement only by the owner of its warehouse, a form's verdict only by the form's sender.
/// </summary>
/// <param name="Source">The table's number in <c>feed_positions</c> and <c>feed_pending</c> (its queueing trigger's, migration 0159).</param>
internal sealed record FeedSource(FeedKind Kind, short Source, Func<InvoiceDirection?, string> Select)
{
    // The sources' numbers, as migration 0159's queueing triggers write them.
    private const short InvoiceHistory = 1, WaybillHistory = 2, MovementRows = 3, FormHistory = 4;

    private const string NoMovement = "NULL::bigint AS warehouse_id, NULL::bigint AS goods_id, NULL::numeric AS quantity";

    public static readonly FeedSource Invoices = new(FeedKind.Invoice, InvoiceHistory, direction => $"""
        SELECT p.position AS feed_position, 'INVOICE' AS kind, h.invoice_id AS document_id, h.from_status, h.to_status, h.changed_at,
               p.at AS feed_at, h.actor, h.tin, h.reason, {NoMovement}
        FROM feed_positions p JOIN invoice_status_history h ON h.id = p.row_id JOIN invoices i ON i.invoice_id = h.invoice_id
        WHERE p.position > @After AND p.source = {InvoiceHistory} AND {DirectionFilter.Sql(direction)}
        ORDER BY p.position LIMIT @Take
        """);

    public static readonly FeedSource Waybills = new(FeedKind.Waybill, WaybillHistory, direction => $"""
        SELECT p.position AS feed_position, 'WAYBILL' AS kind, h.waybill_id AS document_id, h.from_status, h.to_status, h.changed_at,
               p.at AS feed_at, h.actor, h.tin, h.reason, {NoMovement}
        FROM feed_positions p JOIN waybill_status_history h ON h.id = p.row_id JOIN waybills w ON w.waybill_id = h.waybill_id
        WHERE p.position > @After AND p.source = {WaybillHistory} AND {WaybillDirection(direction)}
        ORDER BY p.position LIMIT @Take
        """);

    /// <summary>INBOUND is what came into a warehouse (quantity &gt; 0), OUTBOUND what left it.</summary>
    public static readonly FeedSource Movements = new(FeedKind.Movement, MovementRows, direction => $"""
        SELECT p.position AS feed_position, 'MOVEMENT' AS kind, m.movement_id AS document_id, NULL AS from_status, m.kind AS to_status,
               m.occurred_at AS changed_at, p.at AS feed_at, m.cause_kind AS actor, m.tin, m.cause_ref AS reason,
               m.warehouse_id, m.goods_id, m.quantity
        FROM feed_positions p JOIN warehouse_movements m ON m.movement_id = p.row_id JOIN warehouses wh ON wh.warehouse_id = m.warehouse_id
        WHERE p.position > @After AND p.source = {MovementRows} AND wh.tin = @Tin{direction switch
        {
            InvoiceDirection.Inbound => " AND m.quantity > 0",
            InvoiceDirection.Outbound => " AND m.quantity < 0",
            _ => "",
        }}
        ORDER BY p.position LIMIT @Take
        """);

    /// <summary>
    /// A warehouse form's verdict (PROCESSED «Обработанный», ERROR «Ошибочный» with the reason), logged by a trigger (migration 0154).
    /// Only the form's owner, its sender, sees it. A form is the sender's own outgoing document: OUTBOUND keeps it, INBOUND none.
    /// </summary>
    public static readonly FeedSource WarehouseForms = new(FeedKind.WarehouseForm, FormHistory, direction => $$"""
        SELECT p.position AS feed_position, 'WAREHOUSE_FORM' AS kind, h.form_id AS document_id, h.from_status, h.to_status, h.changed_at,
               p.at AS feed_at, 'worker' AS actor, h.tin, h.reason, {{NoMovement}}
        FROM feed_positions p JOIN warehouse_form_status_history h ON h.id = p.row_id
        WHERE p.position > @After AND p.source = {{FormHistory}} AND h.tin = @Tin{{(direction == InvoiceDirection.Inbound ? " AND false" : "")}}
        ORDER BY p.position LIMIT @Take
        """);

    /// <summary>In sequencing order (by <see cref="Source"/>): within one pass, invoices first, then waybills, then movements, then form verdicts.</summary>
    public static readonly IReadOnlyList<FeedSource> All = [Invoices, Waybills, Movements, WarehouseForms];

    public static FeedSource Of(FeedKind kind) => All.Single(s => s.Kind == kind);

    /// <summary>The waybill's side (its buyer, or its seller and sender), always inside the tenant predicate.</summary>
    private static string WaybillDirection(InvoiceDirection? direction) => direction switch
    {
        InvoiceDirection.Inbound => $"{WaybillVisibility.Predicate} AND w.customer_tin = @Tin",
        InvoiceDirection.Outbound => $"{WaybillVisibility.Predicate} AND (w.seller_tin = @Tin OR w.sender_tin = @Tin)",
        _ => WaybillVisibility.Predicate,
    };
}
