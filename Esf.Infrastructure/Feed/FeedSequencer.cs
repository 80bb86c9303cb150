using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>Sequences the invoice status history: the change feed (GET /api/v1/updates, queryUpdates, webhooks).</summary>
public sealed class FeedSequencer(NpgsqlDataSource database) : PositionSequencer(database, "invoice_status_history", 7_346_210_005);
