using System.Text.Json;
using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The worker's processing of warehouse forms. Every form, signed or plain JSON, comes with its upload through the outbox and the
/// bus like invoices and waybills (ADR 0024): <see cref="ProcessUploadAsync"/> is the worker's step for it after
/// <see cref="Registration.InvoiceRegistrar"/> claimed the upload. Nothing polls: a lost message is republished by the relay. A
/// signed form's signer is judged first (VS-40, VS-50); then its lines are applied to the ledger and the verdict is written in the
/// same transaction as the upload's finish: PROCESSED, or ERROR with the first broken rule as the reason and no movement kept. A
/// crash leaves the forms QUEUED and the upload unfinished for the next delivery, and the movements' causes (the form's lines)
/// make a second application impossible.
/// </summary>
public sealed class WarehouseFormProcessor(
    WarehouseLedger ledger, TimeProvider clock, Security.CertificateValidator certificates, Signatures.ParsedCertificates parsedCertificates,
    ILogger<WarehouseFormProcessor> logger)
{
    private const string Savepoint = "ledger";

    /// <summary>
    /// The worker's step for an upload of forms: each signed form's signature must verify its exact body and its signer may sign for
    /// the sender (<see cref="WarehouseFormRules.JudgeSigner"/>); a plain form was accepted from a session holding SIGN. Then the lines
    /// are applied; every verdict is written in one transaction with the upload's finish. Safe to run again: a decided form is not
    /// QUEUED any more, and the forms are locked before they are decided.
    /// </summary>
    internal async Task ProcessUploadAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        var signed = (await connection.QueryAsync<SignedForm>(new CommandDefinition("""
            SELECT form_id, body, signature, certificate, signature_type FROM warehouse_forms
            WHERE upload_id = @UploadId AND status = 'QUEUED' AND signature IS NOT NULL
            """, new { UploadId = uploadId }, cancellationToken: cancellationToken))).ToList();
        Dictionary<long, SignatureCheck> checks;
        using (var signers = new Registration.SignerKeys(certificates, parsedCertificates))
        {
            checks = signed.ToDictionary(f => f.FormId, f => signers.Check(f.Body, f.Signature, f.Certificate, f.SignatureType) ?? Registration.SignerKeys.Unreadable);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Messaging.UploadOutbox.FinishAsync(connection, uploadId, cancellationToken);
        var forms = await connection.QueryAsync<QueuedForm>(new CommandDefinition("""
            SELECT form_id, tin, kind, recipient_tin, lines::text AS lines FROM warehouse_forms
            WHERE upload_id = @UploadId AND status = 'QUEUED' ORDER BY form_id FOR UPDATE
            """, new { UploadId = uploadId }, transaction, cancellationToken: cancellationToken));
        foreach (var form in forms)
        {
            if (checks.GetValueOrDefault(form.FormId) is { } check
                && WarehouseFormRules.JudgeSigner(check, form.Tin, await WarehouseFormSigners.PersonMaySignAsync(connection, transaction, check, form.Tin,
                    KazakhstanTime.Today(clock), cancellationToken)) is { } refused)
            {
                await WriteVerdictAsync(connection, transaction, form.FormId, refused, 0, cancellationToken);
                continue;
            }

            await DecideAsync(connection, transaction, form, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The relay's give-up (API-06 after too many claims): the undecided forms of the upload end ERROR with the reason.</summary>
    internal static Task<int> FailUnfinishedAsync(NpgsqlConnection connection, long uploadId, string reason, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE warehouse_forms SET status = 'ERROR', error_reason = @Reason, error_code = @Code, processed_at = @Now
            WHERE upload_id = @UploadId AND status = 'QUEUED'
            """, new { UploadId = uploadId, Reason = $"API-06: {reason}", Code = RuleCatalogue.ProcessingMustComplete.ErrorCode, Now = now.UtcDateTime }, cancellationToken: ct));

    /// <summary>Applies the form's lines under a savepoint and writes its verdict; a violation keeps no movement.</summary>
    private async Task DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, QueuedForm form, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync(Savepoint, cancellationToken);
        int line;
        RuleViolation? violation;
        try
        {
            (line, violation) = await ApplyAsync(connection, transaction, form, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !TransientFaults.IsTransient(e))
        {
            // A form the ledger cannot take (a bug, a constraint): it ends ERROR instead of blocking the queue.
            logger.LogError(e, "Warehouse form {FormId} could not be applied", form.FormId);
            (line, violation) = (0, RuleCatalogue.ProcessingMustComplete.Violation("form"));
        }

        if (violation is not null)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
        }

        await WriteVerdictAsync(connection, transaction, form.FormId, violation, line, cancellationToken);
    }

    private async Task WriteVerdictAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long formId, RuleViolation? violation, int line, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE warehouse_forms SET status = @Status, error_reason = @Reason, error_code = @Code, processed_at = @Now WHERE form_id = @FormId
            """, new
        {
            FormId = formId, Status = violation is null ? WarehouseFormStatus.Processed : WarehouseFormStatus.Error,
            Reason = violation is null ? null : $"{violation.RuleId}: {violation.Message}" + (line > 0 ? $" (строка {line})" : ""), Code = violation?.ErrorCode,
            Now = clock.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
        logger.LogInformation("Warehouse form {FormId} {Status}", formId, violation is null ? "processed" : "failed " + violation.RuleId);
    }

    /// <returns>The first broken rule and its line (1-based), or no violation.</returns>
    private async Task<(int Line, RuleViolation? Violation)> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, QueuedForm form, CancellationToken cancellationToken)
    {
        var lines = JsonSerializer.Deserialize<List<FormLine>>(form.Lines)!;
        if (!WarehouseNames.FormKinds.TryParse(form.Kind, out var kind))
        {
            throw new InvalidOperationException($"Form {form.FormId} has the unknown kind {form.Kind}.");
        }

        long? recipientWarehouse = null;
        if (kind == WarehouseFormKind.Reorganization)
        {
            recipientWarehouse = await SuccessorWarehouseAsync(connection, transaction, form, cancellationToken);
            if (recipientWarehouse is null)
            {
                return (1, WarehouseRules.RecipientMustSucceedSender.Violation("recipientTin", form.RecipientTin ?? ""));
            }
        }

        // Goods lines are locked in id order before any is changed, so two forms drawing the same lines cannot deadlock.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM warehouse_goods WHERE goods_id = ANY(@Ids) ORDER BY goods_id FOR UPDATE",
            new { Ids = lines.Where(l => l.GoodsId is not null).Select(l => l.GoodsId!.Value).ToArray() }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Goods is { } goods && WarehouseFormRules.CheckReceivedGoods(goods) is { } malformed)
            {
                return (i + 1, malformed);
            }

            var cause = new MovementCause("FORM", $"{form.FormId}#{i + 1}");
            if (await ApplyLineAsync(connection, transaction, form, kind, lines[i], cause, recipientWarehouse, cancellationToken) is { } violation)
            {
                return (i + 1, violation);
            }
        }

        return (0, null);
    }

    private async Task<RuleViolation?> ApplyLineAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, QueuedForm form,
        WarehouseFormKind kind, FormLine line, MovementCause cause, long? recipientWarehouse, CancellationToken cancellationToken)
    {
        if (WarehouseNames.IsReceipt(kind))
        {
            return (await ledger.ReceiveAsync(connection, transaction, form.Tin, line.WarehouseId!.Value, line.Goods!, line.Quantity, cause,
                MovementCauses.Receipt, cancellationToken)).Violation;
        }

        var goods = recipientWarehouse is null ? null : await WarehouseLedger.ReadGoodsLineAsync(connection, transaction, form.Tin, line.GoodsId!.Value,
            cancellationToken);
        var outKind = recipientWarehouse is null ? MovementCauses.WriteOff : MovementCauses.TransferOut;
        return await ledger.WriteOffAsync(connection, transaction, form.Tin, line.GoodsId!.Value, line.Quantity, cause, outKind, cancellationToken)
            ?? (goods is null ? null : (await ledger.ReceiveAsync(connection, transaction, form.RecipientTin!, recipientWarehouse!.Value, goods, line.Quantity,
                cause, MovementCauses.TransferIn, cancellationToken)).Violation);
    }

    /// <summary>The recipient's default warehouse when the registry names it the sender's successor.</summary>
    private static Task<long?> SuccessorWarehouseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, QueuedForm form, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            SELECT w.warehouse_id FROM warehouses w
            WHERE w.tin = @Recipient AND w.is_default
              AND EXISTS (SELECT 1 FROM taxpayer_successors s WHERE s.reorganized_tin = @Sender AND s.successor_tin = @Recipient)
            """, new { Sender = form.Tin, Recipient = form.RecipientTin }, transaction, cancellationToken: cancellationToken));

    private sealed record QueuedForm(long FormId, string Tin, string Kind, string? RecipientTin, string Lines);

    private sealed record SignedForm(long FormId, string Body, string Signature, string Certificate, string SignatureType);
}
