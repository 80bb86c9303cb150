using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// Sequences the change feed (GET /api/v1/updates, queryUpdates, webhooks): every table of <see cref="FeedSource.All"/>
/// (invoice and waybill history, warehouse movements, warehouse form verdicts) from one counter, so one cursor follows them all
/// (ADR 0031). Their positions are in <c>feed_positions</c>, by <see cref="FeedSource.Source"/> and row id (ADR 0043).
/// </summary>
public sealed class FeedSequencer(NpgsqlDataSource database) : PositionSequencer(
    database, new PositionLog("feed", "feed_pending", "feed_positions", "source, row_id", "source, row_id"), 7_346_210_005);
