using Dapper;
using Esf.Domain.Employees;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// What system annulments could not take back (недостача при аннулировании, <c>warehouse_shortfalls</c>, migration 0136): read
/// by the enterprise whose goods line fell short, and only by it (the row's <c>tin</c>, ADR 0003). Oldest first, keyset-paged
/// by the shortfall's id, optionally for one invoice and between two days (Kazakhstan time, both included).
/// </summary>
public sealed class WarehouseShortfalls(NpgsqlDataSource database)
{
    public const int MaxLimit = 1000;

    public async Task<IReadOnlyList<ShortfallRecord>> ListAsync(SessionContext session, ShortfallQuery query, CancellationToken ct)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ShortfallRecord>(new CommandDefinition("""
            SELECT s.shortfall_id AS Id, s.invoice_id, s.cause_ref AS Cause, s.kind, s.goods_id, g.warehouse_id, s.quantity, s.recorded_at
            FROM warehouse_shortfalls s JOIN warehouse_goods g ON g.goods_id = s.goods_id
            WHERE s.tin = @Tin AND s.shortfall_id > @After
              AND (@InvoiceId::bigint IS NULL OR s.invoice_id = @InvoiceId)
              AND (@From::timestamptz IS NULL OR s.recorded_at >= @From)
              AND (@Until::timestamptz IS NULL OR s.recorded_at < @Until)
            ORDER BY s.shortfall_id LIMIT @Take
            """, new
        {
            session.Tin, query.After, query.InvoiceId, Take = Math.Clamp(query.Limit, 1, MaxLimit),
            From = StartOf(query.From), Until = StartOf(query.To?.AddDays(1)),
        }, cancellationToken: ct))];
    }

    /// <summary>A day's start in Kazakhstan time, as UTC (the column is timestamptz).</summary>
    private static DateTime? StartOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime : null;
}

/// <summary>Which shortfalls: after the id <paramref name="After"/>, at most <paramref name="Limit"/>, of one invoice, recorded between two days.</summary>
public sealed record ShortfallQuery(long After, int Limit, long? InvoiceId, DateOnly? From, DateOnly? To);

/// <summary>
/// One shortfall: the annulled invoice, the reversed movement's cause and kind (SALE_IN for a sale whose buyer sold the goods on),
/// the goods line that lacked them and its warehouse, how much could not be taken back, and when.
/// </summary>
public sealed record ShortfallRecord(
    long Id, long InvoiceId, string Cause, string Kind, long GoodsId, long WarehouseId, decimal Quantity, DateTime RecordedAt);
