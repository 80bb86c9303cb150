using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The worker's job for one upload: claim it, verify signatures, run the registration rules with the registry facts of the
/// whole batch, and register or fail each invoice (IN_QUEUE → CREATED/FAILED in one UPDATE per batch). Safe to run again,
/// also concurrently, for the same upload. The dry run (<see cref="InvoiceValidator"/>) runs the same steps: <see cref="CheckedInvoice"/>,
/// <see cref="RegistryFacts"/> and <see cref="RegistrationJudge"/>.
/// </summary>
public sealed class InvoiceRegistrar(
    NpgsqlDataSource database, TimeProvider clock, ILogger<InvoiceRegistrar> logger, Security.CertificateValidator certificates,
    Signatures.ParsedCertificates parsedCertificates, Microsoft.Extensions.Options.IOptions<EsfOptions> options, Sandbox.SandboxFaults? faults = null,
    Waybills.WaybillRegistrar? waybills = null, Warehouse.InvoiceGoods? goods = null, Warehouse.WarehouseFormProcessor? forms = null)
{
    private static readonly TimeSpan HoldPoll = TimeSpan.FromMilliseconds(200);

    public Task ProcessAsync(long uploadId, CancellationToken cancellationToken) => ProcessAsync(uploadId, null, cancellationToken);

    /// <param name="uploadId">The upload to register.</param>
    /// <param name="deliveryId">The message's id: retries of one delivery renew its claim instead of counting another.</param>
    /// <param name="cancellationToken">Stops the work; what is not committed is done again by the next delivery.</param>
    public async Task ProcessAsync(long uploadId, string? deliveryId, CancellationToken cancellationToken)
    {
        using var activity = EsfActivities.StartRegistration(uploadId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The lease is the relay's grace: a claim older than that is a worker that died, and the relay republishes the upload.
        var lease = TimeSpan.FromSeconds(options.Value.RelayGraceSeconds);
        deliveryId ??= Guid.NewGuid().ToString("N");
        if (faults?.HoldsAnyQueue == true)
        {
            // A sandbox hold: the upload waits unclaimed while its enterprise's queue is held, by the clock of its world.
            var tin = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT tin FROM uploads WHERE upload_id = @UploadId", new { UploadId = uploadId }, cancellationToken: cancellationToken));
            Sandbox.EnterpriseScope.Begin(tin);
            await WaitWhileQueueHeldAsync(tin, cancellationToken);
        }

        if (await UploadOutbox.TryClaimAsync(connection, uploadId, deliveryId, lease, cancellationToken) is not { } claim)
        {
            logger.LogDebug("Upload {UploadId} is finished or claimed by another delivery", uploadId);
            return;
        }

        await using var heartbeat = ClaimHeartbeat.Start(database, uploadId, UploadOutbox.Token(deliveryId), lease / 3);
        // The control runs in the uploading enterprise's world (the sandbox clock and faults).
        Sandbox.EnterpriseScope.Begin(claim.Tin);
        if (claim.Kind == UploadKinds.Waybill)
        {
            // Waybills share the outbox, the claim and its heartbeat (ADR 0024); their verdicts are their own.
            await (waybills ?? throw new InvalidOperationException("Waybill uploads need the WaybillRegistrar.")).ProcessAsync(
                connection, uploadId, cancellationToken);
            return;
        }

        if (claim.Kind == UploadKinds.WarehouseForm)
        {
            // Signed warehouse forms share the outbox and the claim too; the form processor writes their verdicts.
            await (forms ?? throw new InvalidOperationException("Form uploads need the WarehouseFormProcessor.")).ProcessUploadAsync(
                connection, uploadId, cancellationToken);
            return;
        }

        var receivedAt = claim.ReceivedAt;

        var pending = await RegistrationStore.LoadUnfinishedAsync(connection, uploadId, cancellationToken);
        if (pending.Count == 0)
        {
            await UploadOutbox.FinishAsync(connection, uploadId, cancellationToken);
            return;
        }

        var checkedInvoices = new CheckedInvoice[pending.Count];
        using (var signers = new SignerKeys(certificates, parsedCertificates))
        {
            Parallel.For(0, pending.Count, i => checkedInvoices[i] = CheckedInvoice.Of(
                pending[i].InvoiceId, pending[i].Body, pending[i].Signature, pending[i].Certificate, pending[i].SignatureType, signers));
        }

        IReadOnlyList<InvoiceVerdict> written;
        // Its statements are batch statements of a fixed shape: planned once, not at every batch (ADR 0049).
        await using (var transaction = await GenericPlans.BeginTransactionAsync(connection, cancellationToken))
        {
            // The uploads row first, then the invoices: the relay's order (it locks due uploads, then their invoices), so neither
            // waits for the other. Finishing first is safe: a rollback undoes it with the verdicts.
            await UploadOutbox.FinishAsync(connection, uploadId, cancellationToken);
            var owned = await VerdictWriter.LockUnfinishedAsync(connection, [.. pending.Select(p => p.InvoiceId)], cancellationToken);
            var mine = checkedInvoices.Where(i => owned.ContainsKey(i.InvoiceId)).ToList();
            // A failure ordered through the sandbox joins whatever the control found; taken once, however often the batch is judged.
            var ordered = new Dictionary<long, IReadOnlyList<Domain.Rules.RuleViolation>>();
            foreach (var invoice in mine)
            {
                WarnIfUnreadable(invoice);
                if (faults?.TakeInvoiceFailure(Sandbox.EnterpriseScope.Tin) is { } fault)
                {
                    ordered[invoice.InvoiceId] = [fault];
                }
            }

            // Each round reads the registry under these locks, and the originals are locked too: a correction or an additional
            // invoice is judged on originals no concurrent verdict or revocation can change before this commits.
            var verdicts = await BatchVerdicts.JudgeAsync(connection, transaction, mine,
                () => RegistryFacts.LoadAsync(connection, [.. mine.Select(i => i.Document).OfType<InvoiceDocument>()],
                    KazakhstanTime.Today(clock), lockOriginals: true, cancellationToken),
                ordered, goods, LinesOf(pending), cancellationToken);
            written = await VerdictWriter.WriteAsync(connection, owned, verdicts, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var registered = written.Count(v => v.Passed);
        EsfMetrics.Judged(receivedAt, registered, written.Where(v => !v.Passed).Select(v => v.Violations), clock.GetUtcNow());
        logger.LogInformation("Upload {UploadId}: {Created} registered, {Failed} failed", uploadId, registered, written.Count - registered);
        LogEachInvoice(uploadId, written);
    }

    /// <summary>The warehouse lines of the invoices naming any, by id; none for a plain upload (no dictionary allocated).</summary>
    private static IReadOnlyDictionary<long, IReadOnlyList<Domain.Warehouse.WarehouseLineRef>> LinesOf(List<PendingInvoice> pending) =>
        pending.Exists(p => p.WarehouseLines is not null)
            ? pending.Where(p => p.WarehouseLines is not null).ToDictionary(p => p.InvoiceId, p => p.WarehouseLines!)
            : System.Collections.Frozen.FrozenDictionary<long, IReadOnlyList<Domain.Warehouse.WarehouseLineRef>>.Empty;

    /// <summary>
    /// A sandbox fault (HOLD_QUEUE): the upload is not taken, and so stays IN_QUEUE, until the clock of its enterprise's world
    /// passes the hold. Read again every <see cref="HoldPoll"/>, so moving that clock ends the hold at once.
    /// </summary>
    private async Task WaitWhileQueueHeldAsync(string? tin, CancellationToken cancellationToken)
    {
        while (faults?.IsQueueHeld(tin, clock.GetUtcNow()) == true)
        {
            await Task.Delay(HoldPoll, clock, cancellationToken);
        }
    }

    /// <summary>
    /// One line per invoice, so an operator can find any invoice's verdict by its id: failures at Information (they are
    /// rare and someone will ask why), registrations at Debug (thousands per second under load).
    /// </summary>
    private void LogEachInvoice(long uploadId, IReadOnlyList<InvoiceVerdict> verdicts)
    {
        foreach (var verdict in verdicts.Where(v => !v.Passed))
        {
            logger.LogInformation("Invoice {InvoiceId} of upload {UploadId} FAILED: {RuleIds}",
                verdict.InvoiceId, uploadId, string.Join(",", verdict.Violations.Select(v => v.RuleId).Distinct()));
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var verdict in verdicts.Where(v => v.Passed))
            {
                logger.LogDebug("Invoice {InvoiceId} of upload {UploadId} CREATED", verdict.InvoiceId, uploadId);
            }
        }
    }

    private void WarnIfUnreadable(CheckedInvoice invoice)
    {
        if (invoice.Document is null)
        {
            logger.LogWarning("Invoice {InvoiceId} could not be read by the worker: {Problem}", invoice.InvoiceId, invoice.Problem);
        }
    }
}
