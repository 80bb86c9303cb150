using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Waybills;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Xml;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// The worker's step for an upload of waybills (ADR 0024), after <see cref="InvoiceRegistrar"/> claimed it: read each waybill and
/// check its signature, then in one transaction (the uploads row, the batch's undecided waybills, then the waybills they correct
/// or return, in that lock order) run the waybill registration rules (SNT-W) with the registry read under those locks, and
/// register each with its 42-digit number (NOT_VIEWED) or fail it with every error. A registered corrected waybill annuls its
/// primary (CANCELED). Safe to run again: a second delivery finds no undecided waybill.
/// </summary>
public sealed class WaybillRegistrar(
    TimeProvider clock, Security.CertificateValidator certificates, Signatures.ParsedCertificates parsedCertificates, Warehouse.WaybillGoods goods,
    ILogger<WaybillRegistrar> logger)
{
    /// <summary>Where a waybill's goods movements start, so that a waybill failing on its goods leaves no movement behind.</summary>
    private const string GoodsSavepoint = "waybill_goods";

    internal async Task ProcessAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        var pending = await WaybillStore.LoadUnfinishedAsync(connection, uploadId, cancellationToken);
        List<CheckedWaybill> checkedWaybills;
        using (var signers = new SignerKeys(certificates, parsedCertificates))
        {
            checkedWaybills = [.. pending.Select(p => CheckedWaybill.Of(p, signers))];
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UploadOutbox.FinishAsync(connection, uploadId, cancellationToken);
        var owned = await WaybillStore.LockUnfinishedAsync(connection, [.. pending.Select(p => p.WaybillId)], cancellationToken);
        var mine = checkedWaybills.Where(w => owned.Contains(w.WaybillId)).ToList();
        var documents = mine.Select(w => w.Document).OfType<WaybillDocument>().ToList();
        var registry = await LoadRegistryAsync(connection, documents, cancellationToken);
        await Warehouse.WaybillGoods.LockAsync(connection, documents, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var waybill in mine)
        {
            await JudgeAsync(connection, transaction, waybill, registry, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<BatchRegistryView> LoadRegistryAsync(NpgsqlConnection connection, List<WaybillDocument> documents, CancellationToken ct)
    {
        var tins = documents.SelectMany(d => new[]
            {
                d.SellerTin, d.CustomerTin, d.Body.Consignor.Tin, d.Body.Consignee.Tin, d.Body.Shipping.TransporterTin,
            })
            .OfType<string>().Distinct().ToArray();
        var related = documents.Select(d => d.Body.RelatedWaybill?.RegistrationNumber).OfType<string>().Distinct().ToArray();
        var sellers = documents.Select(d => d.SellerTin).OfType<string>().Distinct().ToArray();
        var keys = documents.Where(d => d is { SellerTin: not null, Body.Num: not null, Date: not null })
            .Select(d => (d.SellerTin!, d.Body.Num!, d.Date!.Value)).Distinct().ToList();
        var waybills = await WaybillRegistryView.LoadAsync(connection, related, sellers, keys, lockRows: true, ct);
        return new BatchRegistryView(await RegistrationStore.KnownTaxpayersAsync(connection, tins, ct), [], waybills: waybills);
    }

    private async Task JudgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CheckedWaybill waybill, BatchRegistryView registry,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waybills = registry.Waybills!;
        if (waybill.Document is not { } document)
        {
            logger.LogWarning("Waybill {WaybillId} could not be read by the worker: {Problem}", waybill.WaybillId, waybill.Problem);
            await WaybillStore.FailAsync(connection, waybill.WaybillId,
                [RuleCatalogue.ProcessingMustComplete.Violation("body", waybill.Problem ?? "—")], now, cancellationToken);
            return;
        }

        var violations = WaybillRuleCatalogue.CheckRegistration(new WaybillRegistrationContext(document, waybill.Signature, registry));
        if (violations.Count > 0)
        {
            logger.LogInformation("Waybill {WaybillId} FAILED: {RuleIds}", waybill.WaybillId, string.Join(",", violations.Select(v => v.RuleId).Distinct()));
            await WaybillStore.FailAsync(connection, waybill.WaybillId, violations, now, cancellationToken);
            return;
        }

        var relatedNumber = WaybillRegistryRules.Related(new WaybillRegistrationContext(document, waybill.Signature, registry))?.Document.RegistrationNumber;
        var relatedId = relatedNumber is null ? null : waybills.IdOf(relatedNumber);
        var replaced = document.Type == WaybillType.Corrected && relatedId is not null && waybills.Find(relatedNumber!) is { } original
            && WaybillLifecycle.CanMove(original.Status, WaybillStatus.Canceled);
        if (await MoveGoodsAsync(connection, transaction, waybill.WaybillId, document, replaced ? relatedId : null, cancellationToken) is { Count: > 0 } refused)
        {
            logger.LogInformation("Waybill {WaybillId} FAILED on its goods: {RuleIds}", waybill.WaybillId, string.Join(",", refused.Select(v => v.RuleId)));
            await WaybillStore.FailAsync(connection, waybill.WaybillId, refused, now, cancellationToken);
            return;
        }

        var number = WaybillRegistrationNumber.Create(document.SellerTin!, KazakhstanTime.Today(clock), await connection.ExecuteScalarAsync<long>(
            new CommandDefinition("SELECT nextval('waybill_number_seq')", cancellationToken: cancellationToken)));
        await WaybillStore.RegisterAsync(connection, waybill.WaybillId, number, relatedId, now, cancellationToken);
        waybills.Take(document);
        if (replaced && relatedId is { } primaryId && waybills.Find(relatedNumber!) is { } primary)
        {
            // A registered corrected waybill replaces its primary (ADR 0015: CANCELED is ours).
            await WaybillStore.MoveAsync(connection, primaryId, primary.Status, WaybillStatus.Canceled, WaybillStore.WorkerActor, null,
                $"Заменена исправленной СНТ {number}", null, now, cancellationToken);
            waybills.Move(relatedNumber!, WaybillStatus.Canceled);
        }
    }

    /// <summary>
    /// The virtual-warehouse side of registering (docs/virtual-warehouse.md «Waybills»): the goods of the primary a corrected waybill replaces
    /// go back to the seller first, then the waybill's own lines are written off the seller's goods lines. On a violation every
    /// movement of this waybill is rolled back and the violations fail it.
    /// </summary>
    private async Task<IReadOnlyList<RuleViolation>> MoveGoodsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long waybillId,
        WaybillDocument document, long? replacedId, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync(GoodsSavepoint, cancellationToken);
        var violations = replacedId is { } primaryId
            && await goods.OnStatusChangedAsync(connection, transaction, primaryId, null, WaybillStatus.Canceled, cancellationToken) is { } returned
            ? [returned]
            : await goods.DispatchAsync(connection, transaction, waybillId, document, cancellationToken);
        if (violations.Count > 0)
        {
            await transaction.RollbackAsync(GoodsSavepoint, cancellationToken);
        }

        return violations;
    }

    /// <summary>A stored waybill read back and its signature checked, as <see cref="CheckedInvoice"/> for an invoice.</summary>
    private sealed record CheckedWaybill(long WaybillId, WaybillDocument? Document, SignatureCheck Signature, string? Problem)
    {
        public static CheckedWaybill Of(PendingWaybill pending, SignerKeys signers)
        {
            var body = WaybillBodyReader.Read(pending.Body);
            if (body.Document is not { } document)
            {
                return new CheckedWaybill(pending.WaybillId, null, SignerKeys.Unreadable, string.Join("; ", body.Violations.Select(v => v.Message)));
            }

            return signers.Check(pending.Body, pending.Signature, pending.Certificate, pending.SignatureType) is { } check
                ? new CheckedWaybill(pending.WaybillId, document, check, null)
                : new CheckedWaybill(pending.WaybillId, null, SignerKeys.Unreadable, SignerKeys.UnreadableCertificate);
        }
    }
}
