using Esf.Domain.Employees;
using Dapper;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// Reads the change feed of the session's enterprise. Every read first lets <see cref="FeedSequencer"/> place the rows
/// committed so far, then reads positions after the cursor: in order, never skipped, never repeated.
/// </summary>
public sealed class FeedReader(NpgsqlDataSource database, FeedSequencer sequencer)
{
    public const int MaxLimit = 1000;

    /// <summary>GET /api/v1/updates: the events of <paramref name="kinds"/> after <paramref name="after"/>, oldest first.</summary>
    public Task<FeedPage> ReadAsync(
        SessionContext session, long after, int limit, InvoiceDirection? direction, IReadOnlyList<FeedKind> kinds, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        return ReadForTinAsync(session.Tin, after, limit, direction, kinds, cancellationToken);
    }

    /// <summary>The same feed for an enterprise without a session (webhook dispatch).</summary>
    /// <param name="kinds">Which documents (ADR 0031); each kind is read with its own tenant predicate (<see cref="FeedSource"/>).</param>
    public async Task<FeedPage> ReadForTinAsync(
        string tin, long after, int limit, InvoiceDirection? direction, IReadOnlyList<FeedKind> kinds, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        await sequencer.SequenceAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Each kind reads at most limit + 1 rows down its own feed_position index; the union keeps the first of them.
        var sources = (kinds.Count == 0 ? FeedKinds.Default : kinds).Distinct().Select(k => $"({FeedSource.Of(k).Select(direction)})");
        var rows = (await connection.QueryAsync<FeedRow>(new CommandDefinition($"""
            SELECT * FROM ({string.Join(" UNION ALL ", sources)}) f ORDER BY feed_position LIMIT @Take
            """, new { After = after, Take = limit + 1, Tin = tin }, cancellationToken: cancellationToken))).ToList();
        var events = rows.Take(limit).Select(r => r.ToEvent()).ToList();
        return new FeedPage(events, events.Count > 0 ? events[^1].Position : after, rows.Count > limit);
    }

    /// <summary>The position of the newest change so far: a new subscriber starting there gets only what happens next.</summary>
    public async Task<long> LatestPositionAsync(CancellationToken cancellationToken)
    {
        await sequencer.SequenceAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT greatest(" + string.Join(", ", FeedSource.All.Select(s => $"(SELECT coalesce(max(feed_position), 0) FROM {s.Table})")) + ")",
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// queryUpdates: the invoices changed after (<paramref name="lastEventDate"/>, <paramref name="lastInvoiceId"/>), one entry per
    /// invoice and sequencing instant, ordered by both; statuses a queued invoice passes through are not part of it.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset FeedAt, long InvoiceId, bool IsNew)>> ReadChangedInvoicesAsync(
        SessionContext session, DateTimeOffset lastEventDate, long lastInvoiceId, int limit, InvoiceDirection direction, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await sequencer.SequenceAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime FeedAt, long InvoiceId, bool IsNew)>(new CommandDefinition($"""
            SELECT h.feed_at, h.invoice_id, bool_or(h.to_status = 'CREATED' OR h.to_status = 'FAILED') AS is_new
            FROM invoice_status_history h JOIN invoices i ON i.invoice_id = h.invoice_id
            WHERE h.feed_position IS NOT NULL AND (h.feed_at, h.invoice_id) > (@At, @LastId)
              AND h.to_status NOT IN {AwaitingVerdictSql.Statuses} AND {DirectionFilter.Sql(direction)}
            GROUP BY h.feed_at, h.invoice_id ORDER BY h.feed_at, h.invoice_id LIMIT @Take
            """, new { At = lastEventDate.ToUniversalTime(), LastId = lastInvoiceId, Take = Math.Clamp(limit, 1, MaxLimit) + 1, session.Tin },
            cancellationToken: cancellationToken));
        return rows.Select(r => (new DateTimeOffset(DateTime.SpecifyKind(r.FeedAt, DateTimeKind.Utc)), r.InvoiceId, r.IsNew)).ToList();
    }

    private sealed record FeedRow(
        long FeedPosition, string Kind, long DocumentId, string? FromStatus, string ToStatus, DateTime ChangedAt, DateTime FeedAt, string Actor,
        string? Tin, string? Reason, long? WarehouseId, long? GoodsId, decimal? Quantity)
    {
        public FeedEvent ToEvent()
        {
            FeedKinds.TryParse(Kind, out var kind);
            var movement = WarehouseId is { } warehouse ? new FeedMovement(warehouse, GoodsId ?? 0, Quantity ?? 0) : null;
            return new(FeedPosition, kind, DocumentId, FromStatus, ToStatus, Utc(ChangedAt), Utc(FeedAt), Actor, Tin, Reason, movement);
        }

        private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
