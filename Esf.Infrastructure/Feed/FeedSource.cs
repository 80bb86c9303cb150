using Esf.Infrastructure.Waybills;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// A table the feed is made of (ADR 0031): every row gets a <c>feed_position</c> and <c>feed_at</c> from
/// <see cref="FeedSequencer"/>, and <see cref="Select"/> reads the rows after <c>@After</c> that <c>@Tin</c> may see, in the
/// columns of <see cref="FeedReader"/>. Each kind keeps its own tenant predicate: an invoice event is seen by whoever sees the
/// invoice (<see cref="Invoices.InvoiceVisibility"/>), a waybill event by whoever sees the waybill
/// (<see cref="WaybillVisibility"/>), a movement only by the owner of its warehouse, a form's verdict only by the form's sender.
/// </summary>
internal sealed record FeedSource(FeedKind Kind, string Table, string IdColumn, Func<InvoiceDirection?, string> Select)
{
    private const string NoMovement = "NULL::bigint AS warehouse_id, NULL::bigint AS goods_id, NULL::numeric AS quantity";

    public static readonly FeedSource Invoices = new(FeedKind.Invoice, "invoice_status_history", "id", direction => $"""
        SELECT h.feed_position, 'INVOICE' AS kind, h.invoice_id AS document_id, h.from_status, h.to_status, h.changed_at, h.feed_at,
               h.actor, h.tin, h.reason, {NoMovement}
        FROM invoice_status_history h JOIN invoices i ON i.invoice_id = h.invoice_id
        WHERE h.feed_position > @After AND {DirectionFilter.Sql(direction)}
        ORDER BY h.feed_position LIMIT @Take
        """);

    public static readonly FeedSource Waybills = new(FeedKind.Waybill, "waybill_status_history", "id", direction => $"""
        SELECT h.feed_position, 'WAYBILL' AS kind, h.waybill_id AS document_id, h.from_status, h.to_status, h.changed_at, h.feed_at,
               h.actor, h.tin, h.reason, {NoMovement}
        FROM waybill_status_history h JOIN waybills w ON w.waybill_id = h.waybill_id
        WHERE h.feed_position > @After AND {WaybillDirection(direction)}
        ORDER BY h.feed_position LIMIT @Take
        """);

    /// <summary>INBOUND is what came into a warehouse (quantity &gt; 0), OUTBOUND what left it.</summary>
    public static readonly FeedSource Movements = new(FeedKind.Movement, "warehouse_movements", "movement_id", direction => $"""
        SELECT m.feed_position, 'MOVEMENT' AS kind, m.movement_id AS document_id, NULL AS from_status, m.kind AS to_status,
               m.occurred_at AS changed_at, m.feed_at, m.cause_kind AS actor, m.tin, m.cause_ref AS reason,
               m.warehouse_id, m.goods_id, m.quantity
        FROM warehouse_movements m JOIN warehouses wh ON wh.warehouse_id = m.warehouse_id
        WHERE m.feed_position > @After AND wh.tin = @Tin{direction switch
        {
            InvoiceDirection.Inbound => " AND m.quantity > 0",
            InvoiceDirection.Outbound => " AND m.quantity < 0",
            _ => "",
        }}
        ORDER BY m.feed_position LIMIT @Take
        """);

    /// <summary>
    /// A warehouse form's verdict (PROCESSED «Обработанный», ERROR «Ошибочный» with the reason), logged by a trigger (migration 0154).
    /// Only the form's owner, its sender, sees it. A form is the sender's own outgoing document: OUTBOUND keeps it, INBOUND none.
    /// </summary>
    public static readonly FeedSource WarehouseForms = new(FeedKind.WarehouseForm, "warehouse_form_status_history", "id", direction => $$"""
        SELECT h.feed_position, 'WAREHOUSE_FORM' AS kind, h.form_id AS document_id, h.from_status, h.to_status, h.changed_at, h.feed_at,
               'worker' AS actor, h.tin, h.reason, {{NoMovement}}
        FROM warehouse_form_status_history h
        WHERE h.feed_position > @After AND h.tin = @Tin{{(direction == InvoiceDirection.Inbound ? " AND false" : "")}}
        ORDER BY h.feed_position LIMIT @Take
        """);

    /// <summary>In sequencing order: within one pass, invoices first, then waybills, then movements, then form verdicts.</summary>
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
