using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Every write on <c>waybills</c>, <c>waybill_errors</c> and <c>waybill_status_history</c>, inside the caller's transaction. Waybills
/// are few beside invoices, so they are written row by row; every status change appends its history row in the same transaction.
/// </summary>
internal static class WaybillStore
{
    /// <summary>The worker's name in history rows, as for invoices.</summary>
    public const string WorkerActor = Registration.RegistrationStore.WorkerActor;

    /// <summary>Stores accepted waybills IN_QUEUE with their first history row; answers their ids in order.</summary>
    public static async Task<long[]> InsertAsync(
        NpgsqlConnection connection, long uploadId, SessionContext session, string certificate, IReadOnlyList<AcceptedWaybill> waybills,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new long[waybills.Count];
        for (var i = 0; i < waybills.Count; i++)
        {
            var (_, item, document) = waybills[i];
            ids[i] = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO waybills (upload_id, status, num, waybill_date, date_text, waybill_type, seller_tin, customer_tin, sender_tin,
                                      sender_login, body, signature, signature_type, certificate, hash, input_date, last_update_date)
                VALUES (@UploadId, @Status, @Num, @Date, @DateText, @Type, @Seller, @Customer, @SenderTin, @SenderLogin, @Body, @Signature,
                        @SignatureType, @Certificate, @Hash, @Now, @Now)
                RETURNING waybill_id
                """, new
            {
                UploadId = uploadId, Status = WaybillStatus.InQueue.ToWire(), document.Body.Num, Date = document.Date!.Value,
                DateText = document.Body.Date, Type = document.Body.Type, Seller = document.SellerTin, Customer = document.CustomerTin,
                SenderTin = session.Tin, SenderLogin = session.Login, Body = item.Body.Text, item.Signature, item.SignatureType, Certificate = certificate,
                Hash = Sha256Hex.Of(item.Body.Bytes.Span), Now = now,
            }, cancellationToken: cancellationToken));
        }

        foreach (var id in ids)
        {
            await AppendHistoryAsync(connection, id, null, WaybillStatus.InQueue, session.Login, session.Tin, null, now, cancellationToken);
        }

        return ids;
    }

    /// <summary>The upload's waybills without a verdict, in id order.</summary>
    public static async Task<List<PendingWaybill>> LoadUnfinishedAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<PendingWaybill>(new CommandDefinition("""
            SELECT waybill_id AS WaybillId, body AS Body, signature AS Signature, certificate AS Certificate, signature_type AS SignatureType
            FROM waybills WHERE upload_id = @UploadId AND status IN ('IN_QUEUE', 'IN_PROCESSING') ORDER BY waybill_id
            """, new { UploadId = uploadId }, cancellationToken: cancellationToken))];

    /// <summary>Locks those of <paramref name="waybillIds"/> still waiting for a verdict, in id order, after the uploads row (ADR 0004's order).</summary>
    public static async Task<HashSet<long>> LockUnfinishedAsync(NpgsqlConnection connection, IReadOnlyList<long> waybillIds, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT waybill_id FROM waybills WHERE waybill_id = ANY(@Ids) AND status IN ('IN_QUEUE', 'IN_PROCESSING')
            ORDER BY waybill_id FOR UPDATE
            """, new { Ids = waybillIds.ToArray() }, cancellationToken: cancellationToken))];

    /// <summary>Registers a waybill: its 42-digit number, NOT_VIEWED, the waybill it corrects or returns.</summary>
    public static async Task RegisterAsync(
        NpgsqlConnection connection, long waybillId, string registrationNumber, long? relatedWaybillId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        WaybillLifecycle.EnsureCanMove(WaybillStatus.InQueue, WaybillStatus.NotViewed);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE waybills SET status = @Status, registration_number = @Number, related_waybill_id = @Related, last_update_date = @Now
            WHERE waybill_id = @Id
            """, new { Status = WaybillStatus.NotViewed.ToWire(), Number = registrationNumber, Related = relatedWaybillId, Now = now, Id = waybillId },
            cancellationToken: cancellationToken));
        await AppendHistoryAsync(connection, waybillId, WaybillStatus.InQueue, WaybillStatus.NotViewed, WorkerActor, null, null, now, cancellationToken);
    }

    /// <summary>Fails a waybill with every error the control found (the first error's code is its reason).</summary>
    public static async Task FailAsync(
        NpgsqlConnection connection, long waybillId, IReadOnlyList<RuleViolation> violations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        WaybillLifecycle.EnsureCanMove(WaybillStatus.InQueue, WaybillStatus.Failed);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE waybills SET status = @Status, cancel_reason = @Reason, last_update_date = @Now WHERE waybill_id = @Id
            """, new { Status = WaybillStatus.Failed.ToWire(), Reason = violations[0].ErrorCode, Now = now, Id = waybillId },
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO waybill_errors (waybill_id, position, rule_id, error_code, property, text)
            SELECT @Id, * FROM unnest(@Positions, @RuleIds, @ErrorCodes, @Properties, @Texts)
            """, new
        {
            Id = waybillId,
            Positions = Enumerable.Range(0, violations.Count).ToArray(),
            RuleIds = violations.Select(v => v.RuleId).ToArray(),
            ErrorCodes = violations.Select(v => v.ErrorCode).ToArray(),
            Properties = violations.Select(v => v.Property).ToArray(),
            Texts = violations.Select(v => v.Message).ToArray(),
        }, cancellationToken: cancellationToken));
        await AppendHistoryAsync(connection, waybillId, WaybillStatus.InQueue, WaybillStatus.Failed, WorkerActor, null,
            "Ошибки ФЛК СНТ: см. ошибки СНТ", now, cancellationToken);
    }

    /// <summary>
    /// The relay's give-up (API-06 after RelayMaxAttempts claims without a verdict, ADR 0002): fails the upload's undecided waybills,
    /// locked after its uploads row as the worker locks them. Answers how many.
    /// </summary>
    public static async Task<int> FailUnfinishedAsync(
        NpgsqlConnection connection, long uploadId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await LoadUnfinishedAsync(connection, uploadId, cancellationToken);
        var owned = await LockUnfinishedAsync(connection, [.. pending.Select(p => p.WaybillId)], cancellationToken);
        foreach (var id in owned.Order())
        {
            await FailAsync(connection, id, [RuleCatalogue.ProcessingMustComplete.Violation("body", reason)], now, cancellationToken);
        }

        return owned.Count;
    }

    /// <summary>A status change of a registered waybill (a party's operation, or the worker annulling a corrected primary).</summary>
    /// <param name="declinedOn">The day of a decline (Kazakhstan time), kept for the 3-working-day window.</param>
    public static async Task MoveAsync(
        NpgsqlConnection connection, long waybillId, WaybillStatus from, WaybillStatus to, string actor, string? tin, string? reason, DateOnly? declinedOn,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        WaybillLifecycle.EnsureCanMove(from, to);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE waybills SET status = @To, last_update_date = @Now, cancel_reason = coalesce(@Reason, cancel_reason),
                   declined_on = coalesce(@DeclinedOn, declined_on)
            WHERE waybill_id = @Id
            """, new { To = to.ToWire(), Now = now, Reason = reason, DeclinedOn = declinedOn, Id = waybillId },
            cancellationToken: cancellationToken));
        await AppendHistoryAsync(connection, waybillId, from, to, actor, tin, reason, now, cancellationToken);
    }

    private static Task AppendHistoryAsync(
        NpgsqlConnection connection, long waybillId, WaybillStatus? from, WaybillStatus to, string actor, string? tin, string? reason, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO waybill_status_history (waybill_id, from_status, to_status, actor, tin, reason, changed_at)
            VALUES (@Id, @From, @To, @Actor, @Tin, @Reason, @At)
            """, new { Id = waybillId, From = from?.ToWire(), To = to.ToWire(), Actor = actor, Tin = tin, Reason = reason, At = at },
            cancellationToken: cancellationToken));
}

/// <summary>A stored waybill waiting for the worker's verdict.</summary>
internal sealed record PendingWaybill(long WaybillId, string Body, string Signature, string Certificate, string SignatureType);
