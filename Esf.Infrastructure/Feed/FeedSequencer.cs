using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// Sequences the change feed (GET /api/v1/updates, queryUpdates, webhooks): every table of <see cref="FeedSource.All"/>
/// (invoice and waybill history, warehouse movements) from one counter, so one cursor follows them all (ADR 0031).
/// </summary>
public sealed class FeedSequencer(NpgsqlDataSource database) : PositionSequencer(
    database, FeedSource.All.Select(s => new SequencedTable(s.Table, s.IdColumn)).ToArray(), 7_346_210_005);
