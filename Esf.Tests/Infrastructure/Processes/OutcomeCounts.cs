using Dapper;
using Npgsql;

namespace Esf.Tests.Infrastructure.Processes;

/// <summary>
/// The pipeline's promises counted in the database over the invoices of some sellers: each invoice finished (CREATED or
/// FAILED) exactly once in its history, registration numbers unique, no gap in any invoice's history (each row starts from
/// the status the previous one ended in, the first from none, the last ends in the invoice's status), nothing left in the queue.
/// </summary>
public sealed record OutcomeCounts(
    long Stored, long Created, long Failed, long Unfinished, long NotFinishedOnce, long DuplicateNumbers, long HistoryGaps, string? FailureRules)
{
    public static async Task<OutcomeCounts> ReadAsync(NpgsqlDataSource database, IReadOnlyCollection<string> sellerTins)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<OutcomeCounts>("""
            WITH mine AS (SELECT invoice_id, status, registration_number FROM invoices WHERE seller_tin = ANY(@Tins)),
                 finishes AS (
                     SELECT m.invoice_id, count(h.invoice_id) AS n
                     FROM mine m LEFT JOIN invoice_status_history h
                       ON h.invoice_id = m.invoice_id AND h.to_status IN ('CREATED', 'FAILED')
                     GROUP BY m.invoice_id),
                 chain AS (
                     SELECT h.invoice_id, h.from_status, h.to_status,
                            lag(h.to_status) OVER (PARTITION BY h.invoice_id ORDER BY h.id) AS previous,
                            row_number() OVER (PARTITION BY h.invoice_id ORDER BY h.id DESC) AS from_end
                     FROM mine m JOIN invoice_status_history h ON h.invoice_id = m.invoice_id),
                 gaps AS (
                     SELECT c.invoice_id FROM chain c WHERE c.from_status IS DISTINCT FROM c.previous
                     UNION
                     SELECT c.invoice_id FROM chain c JOIN mine m ON m.invoice_id = c.invoice_id WHERE c.from_end = 1 AND c.to_status <> m.status)
            SELECT (SELECT count(*) FROM mine) AS stored,
                   (SELECT count(*) FROM mine WHERE status = 'CREATED') AS created,
                   (SELECT count(*) FROM mine WHERE status = 'FAILED') AS failed,
                   (SELECT count(*) FROM mine WHERE status IN ('IN_QUEUE', 'IN_PROCESSING')) AS unfinished,
                   (SELECT count(*) FROM finishes WHERE n <> 1) AS notfinishedonce,
                   (SELECT count(registration_number) - count(DISTINCT registration_number) FROM mine) AS duplicatenumbers,
                   (SELECT count(*) FROM gaps) AS historygaps,
                   (SELECT string_agg(DISTINCT e.rule_id, ',') FROM invoice_errors e JOIN mine m ON m.invoice_id = e.invoice_id) AS failurerules
            """, new { Tins = sellerTins.ToArray() });
    }

    /// <summary>Waits until nothing of these sellers is IN_QUEUE/IN_PROCESSING, or the bound passes, and counts.</summary>
    /// <remarks>The wait polls a cheap count (the full one would load the database it measures), then counts once.</remarks>
    public static async Task<OutcomeCounts> SettledAsync(NpgsqlDataSource database, IReadOnlyCollection<string> sellerTins, TimeSpan bound)
    {
        await Poller.UntilAsync(
            async () =>
            {
                await using var connection = await database.OpenConnectionAsync();
                return await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM invoices WHERE seller_tin = ANY(@Tins) AND status IN ('IN_QUEUE', 'IN_PROCESSING')",
                    new { Tins = sellerTins.ToArray() });
            },
            unfinished => unfinished == 0, "every invoice to be CREATED or FAILED", bound);
        return await ReadAsync(database, sellerTins);
    }

    public override string ToString() =>
        $"stored {Stored}, CREATED {Created}, FAILED {Failed}, still queued {Unfinished}, "
        + $"not finished exactly once {NotFinishedOnce}, duplicate registration numbers {DuplicateNumbers}, "
        + $"gaps in history {HistoryGaps}"
        + (FailureRules is null ? "" : $", failure rules {FailureRules}");
}
