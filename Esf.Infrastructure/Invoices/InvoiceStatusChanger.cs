using Esf.Domain.Employees;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Runs the document-flow operations (confirm, revoke, unrevoke, decline, delete) for the session's enterprise: verifies the
/// signature over the id list, locks the visible invoices, lets <see cref="DocumentFlow"/> decide each one, and writes every
/// change with its history row (actor, reason, time) in one transaction.
/// </summary>
public sealed class InvoiceStatusChanger(
    NpgsqlDataSource database, TimeProvider clock, Security.CertificateValidator certificates, Warehouse.InvoiceGoods? goods = null)
{
    public const string NotFound = "INVOICE_NOT_FOUND";

    /// <param name="signed">The signature over the id list; required for every operation but confirm.</param>
    /// <param name="atomic">All or nothing (confirm, whose response has no per-invoice error): the first refusal is thrown.</param>
    public async Task<IReadOnlyList<StatusChangeResult>> ChangeAsync(
        SessionContext session, LifecycleOperation operation, IReadOnlyList<StatusChangeItem> items, SignedStatusChange? signed,
        bool atomic, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.ChangeStatus);
        if (items.Count == 0)
        {
            throw EsfException.Business("Список идентификаторов ЭСФ пуст (the id list is empty).", "FIELD_IS_NULL");
        }

        if (operation != LifecycleOperation.Confirm)
        {
            StatusChangeSignature.Verify(session, items, signed ?? throw EsfException.Code("SIGNATURE_INVALID_FORMAT"), certificates);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(KazakhstanTime.Of(now).DateTime);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await LockAsync(connection, session, items, today, cancellationToken);
        var results = new List<StatusChangeResult>();
        foreach (var item in items.DistinctBy(i => i.Id))
        {
            if (!rows.TryGetValue(item.Id, out var row))
            {
                results.Add(new StatusChangeResult(item.Id, null, false, NotFound, $"ЭСФ с идентификатором {item.Id} не найден."));
                continue;
            }

            var decision = DocumentFlow.Decide(operation, row.Facts(), row.RoleOf(session.Tin), today);
            if (!decision.Allowed)
            {
                results.Add(new StatusChangeResult(item.Id, row.Summary(), false, decision.ErrorCode, decision.Reason));
                continue;
            }

            if (row.MovesGoods && await MoveGoodsAsync(connection, transaction, row.InvoiceId, decision, cancellationToken) is { } violation)
            {
                results.Add(new StatusChangeResult(item.Id, row.Summary(), false, violation.ErrorCode, $"{violation.RuleId}: {violation.Message}"));
                continue;
            }

            await ApplyAsync(connection, session, row, decision, item.Reason, now, cancellationToken);
            results.Add(new StatusChangeResult(item.Id, row.Summary(decision.To, now), true, null, null));
        }

        if (atomic && results.FirstOrDefault(r => !r.IsChanged) is { } refused)
        {
            throw EsfException.Business(refused.Message!, refused.ErrorCode);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static async Task<Dictionary<long, LifecycleRow>> LockAsync(
        NpgsqlConnection connection, SessionContext session, IReadOnlyList<StatusChangeItem> items, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LifecycleRow>(new CommandDefinition($"""
            SELECT i.invoice_id, i.status, i.invoice_type, i.invoice_date, i.date_text, i.num, i.seller_tin, i.customer_tin,
                   i.cancel_reason, i.registration_number, i.last_update_date, i.warehouse_lines IS NOT NULL AS moves_goods,
                   (SELECT max(h.changed_at) FROM invoice_status_history h WHERE h.invoice_id = i.invoice_id AND h.to_status = 'REVOKED') AS revoked_at,
                   EXISTS (SELECT 1 FROM powers_of_attorney p WHERE p.principal_tin = i.seller_tin AND p.attorney_iin = @Login
                           AND p.revoked_at IS NULL AND @Today BETWEEN p.valid_from AND p.valid_to) AS acts_for_seller
            FROM invoices i WHERE i.invoice_id = ANY(@Ids) AND {InvoiceVisibility.Predicate}
            ORDER BY i.invoice_id FOR UPDATE OF i
            """, new { Ids = items.Select(i => i.Id).ToArray(), session.Tin, session.Login, Today = today }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.InvoiceId);
    }

    /// <summary>
    /// The goods of an invoice sold through the virtual warehouse go back on revocation or decline and move again when the
    /// customer restores a revoked invoice, in this transaction; a refusal rolls back (to the savepoint) what it had moved.
    /// </summary>
    private async Task<Domain.Rules.RuleViolation?> MoveGoodsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long invoiceId, LifecycleDecision decision, CancellationToken cancellationToken)
    {
        var goodsOf = goods ?? throw new InvalidOperationException("Invoices moving goods need the InvoiceGoods service.");
        Func<Task<Domain.Rules.RuleViolation?>>? move = decision.To switch
        {
            InvoiceStatus.Revoked or InvoiceStatus.Declined => () => goodsOf.UndoAsync(connection, transaction, invoiceId, cancellationToken),
            _ when decision.From == InvoiceStatus.Revoked => () => goodsOf.RedoAsync(connection, transaction, invoiceId, cancellationToken),
            _ => null,
        };
        if (move is null)
        {
            return null;
        }

        await transaction.SaveAsync("status_goods", cancellationToken);
        var violation = await move();
        await (violation is null ? transaction.ReleaseAsync("status_goods", cancellationToken) : transaction.RollbackAsync("status_goods", cancellationToken));
        return violation;
    }

    private static async Task ApplyAsync(
        NpgsqlConnection connection, SessionContext session, LifecycleRow row, LifecycleDecision decision, string? reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        InvoiceLifecycle.EnsureCanMove(decision.From, decision.To);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices SET status = @To, last_update_date = @Now,
                   delivery_date = CASE WHEN @To = 'DELIVERED' THEN coalesce(delivery_date, @Now) ELSE delivery_date END
            WHERE invoice_id = @Id
            """, new { To = decision.To.ToWire(), Now = now, Id = row.InvoiceId }, cancellationToken: cancellationToken));
        await StatusHistoryStore.AppendAsync(
            connection, [row.InvoiceId], decision.From, decision.To, session.Login, session.Tin, reason, now, cancellationToken);
    }
}
