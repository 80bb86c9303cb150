using Dapper;
using Esf.Infrastructure.Sandbox;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Notifications;

/// <summary>
/// Turns the deadline reminders that are due into notifications (a deadline about to pass: the 10-day decline window of a
/// corrected or additional invoice, the 3-working-day window of a declined waybill). Per enterprise with pending reminders it
/// reads that enterprise's clock (its sandbox world, ADR 0023), claims the due reminders with <c>FOR UPDATE SKIP LOCKED</c>
/// and, in that one transaction, writes a notification for each whose document still waits for the action and marks them
/// done: each reminder is sent once, across runners and restarts (the pattern of ADR 0026). The passes are
/// <see cref="EnterprisePassRunner"/>'s; <see cref="EnterprisePassRunner.RunOnceAsync"/> answers how many notifications a pass wrote.
/// </summary>
public sealed class DeadlineReminderRunner(NpgsqlDataSource database, TimeProvider clock, ILogger<DeadlineReminderRunner> logger)
    : EnterprisePassRunner(database, clock, logger)
{
    private const int MaxRemindersPerPass = 500;

    protected override string PendingTinsSql => "SELECT DISTINCT tin FROM deadline_reminders WHERE done_at IS NULL";

    protected override string PassName => "Writing due deadline reminders";

    /// <summary>One enterprise's due reminders, on its clock.</summary>
    protected override async Task<int> RunForAsync(string tin, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        // A reminder whose document no longer waits (declined, annulled, corrected) or whose last day has passed is closed
        // without a notification.
        var written = await connection.ExecuteAsync(new CommandDefinition("""
            WITH due AS (
                SELECT r.* FROM deadline_reminders r
                WHERE r.tin = @Tin AND r.done_at IS NULL AND r.remind_on <= @Today
                ORDER BY r.id LIMIT @Limit FOR UPDATE SKIP LOCKED),
            done AS (
                UPDATE deadline_reminders r SET done_at = @Now FROM due WHERE r.id = due.id)
            INSERT INTO notifications (tin, kind, document_type, document_id, document_number, message, created_at)
            SELECT due.tin, due.kind, due.document_type, due.document_id, due.document_number,
                   due.message || ' (последний день ' || to_char(due.last_day, 'DD.MM.YYYY') || ')', @Now
            FROM due
            WHERE due.last_day >= @Today AND CASE due.kind
                WHEN 'DECLINE_DEADLINE' THEN EXISTS (
                    SELECT 1 FROM invoices i WHERE i.invoice_id = due.document_id AND i.status IN ('CREATED', 'DELIVERED'))
                WHEN 'WAYBILL_CORRECTION_DEADLINE' THEN EXISTS (
                    SELECT 1 FROM waybills w WHERE w.waybill_id = due.document_id AND w.status = 'DECLINED')
                ELSE false END
            """, new { Tin = tin, Today = KazakhstanTime.Today(Clock), Now = now, Limit = MaxRemindersPerPass },
            cancellationToken: cancellationToken));
        if (written > 0)
        {
            Logger.LogInformation("Deadline reminders: {Count} notifications for {Tin}", written, tin);
        }

        return written;
    }
}
