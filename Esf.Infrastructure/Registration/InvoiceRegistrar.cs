using Esf.Domain.Rules;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The worker's job for one upload: claim it, verify signatures, run the registration rules with the registry facts of the
/// whole batch, and register or fail each invoice (IN_QUEUE → CREATED/FAILED in one UPDATE per batch). Safe to run again,
/// also concurrently, for the same upload.
/// </summary>
public sealed class InvoiceRegistrar(
    NpgsqlDataSource database, TimeProvider clock, ILogger<InvoiceRegistrar> logger, Security.CertificateValidator certificates,
    Microsoft.Extensions.Options.IOptions<EsfOptions> options)
{
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
        if (!await UploadClaims.TryClaimAsync(connection, uploadId, deliveryId, lease, cancellationToken))
        {
            logger.LogDebug("Upload {UploadId} is finished or claimed by another delivery", uploadId);
            return;
        }

        await using var heartbeat = ClaimHeartbeat.Start(database, uploadId, UploadClaims.Token(deliveryId), lease / 3);

        var pending = await RegistrationStore.LoadUnfinishedAsync(connection, uploadId, cancellationToken);
        if (pending.Count == 0)
        {
            await UploadClaims.FinishAsync(connection, uploadId, cancellationToken);
            return;
        }

        var checkedInvoices = new CheckedInvoice[pending.Count];
        using (var signers = new SignerKeys(certificates))
        {
            Parallel.For(0, pending.Count, i => checkedInvoices[i] = CheckedInvoice.Of(pending[i], signers));
        }

        var registry = await LoadRegistryAsync(connection, checkedInvoices, cancellationToken);
        var verdicts = checkedInvoices.Select(invoice => Judge(invoice, registry)).ToList();

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await VerdictWriter.WriteAsync(connection, verdicts, clock.GetUtcNow(), cancellationToken);
            await UploadClaims.FinishAsync(connection, uploadId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await EsfMetrics.JudgedAsync(connection, uploadId, verdicts.Count(v => v.Passed), verdicts.Where(v => !v.Passed).Select(v => v.Violations),
            clock.GetUtcNow(), cancellationToken);

        logger.LogInformation("Upload {UploadId}: {Created} registered, {Failed} failed",
            uploadId, verdicts.Count(v => v.Passed), verdicts.Count(v => !v.Passed));
        LogEachInvoice(uploadId, verdicts);
    }

    /// <summary>
    /// One line per invoice, so an operator can find any invoice's verdict by its id: failures at Information (they are
    /// rare and someone will ask why), registrations at Debug (thousands per second under load).
    /// </summary>
    private void LogEachInvoice(long uploadId, List<InvoiceVerdict> verdicts)
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

    private async Task<BatchRegistryView> LoadRegistryAsync(
        NpgsqlConnection connection, CheckedInvoice[] invoices, CancellationToken cancellationToken)
    {
        var documents = invoices.Select(i => i.Document).OfType<Domain.Invoices.InvoiceDocument>().ToList();
        var tins = documents.SelectMany(d => d.Sellers.Concat(d.Customers)).Select(p => p.Tin).OfType<string>().Distinct().ToArray();
        var keys = documents.Where(d => d.SellerTin is not null && d.Date is not null)
            .Select(d => (d.SellerTin!, d.Num, d.Date!.Value)).Distinct().ToList();
        return new BatchRegistryView(
            await RegistrationStore.KnownTaxpayersAsync(connection, tins, cancellationToken),
            await RegistrationStore.TakenNumbersAsync(connection, keys, cancellationToken),
            await RegistrySnapshotLoader.LoadAsync(connection, documents, cancellationToken),
            DateOnly.FromDateTime(KazakhstanTime.Of(clock.GetUtcNow()).DateTime),
            powersOfAttorney: await Participants.PowerOfAttorneyStore.ValidForAsync(connection, [.. documents.Select(d => d.SellerTin).OfType<string>().Distinct()], cancellationToken));
    }

    /// <summary>Runs the rules in invoice-id order, so the first of two same-numbered invoices is the one registered.</summary>
    private InvoiceVerdict Judge(CheckedInvoice invoice, BatchRegistryView registry)
    {
        if (invoice.Document is not { } document)
        {
            logger.LogWarning("Invoice {InvoiceId} could not be read by the worker: {Problem}", invoice.Pending.InvoiceId, invoice.Problem);
            return new InvoiceVerdict(invoice.Pending.InvoiceId, null, false,
                [RuleCatalogue.ProcessingMustComplete.Violation("invoiceBody", invoice.Problem ?? "—")]);
        }

        var violations = RegistrationControl.Run(new RegistrationContext(document, invoice.Signature, registry));
        var related = document.Body.RelatedInvoice is { } link
            ? registry.Original(link, document.Body.Sellers[0].ReorganizedTin is { Length: > 0 } r ? r : document.SellerTin) : null;
        var cancels = document.InvoiceType == Domain.Invoices.InvoiceType.FixedInvoice ? related : null;
        if (violations.Count == 0)
        {
            registry.Take(document.SellerTin!, document.Num, document.Date!.Value);
            if (cancels is not null)
            {
                registry.Cancel(cancels);
            }
            else if (related is not null && document.InvoiceType == Domain.Invoices.InvoiceType.AdditionalInvoice)
            {
                registry.Supplement(related, document.Body.ProductSet.TotalPriceWithTax ?? 0m);
            }
        }

        return new InvoiceVerdict(invoice.Pending.InvoiceId, document, invoice.Signature.IsValid, violations) { Cancels = cancels, Related = related };
    }

    /// <summary>The CPU-bound part for one invoice (parse and signature), done in parallel across the batch.</summary>
    private sealed record CheckedInvoice(PendingInvoice Pending, Domain.Invoices.InvoiceDocument? Document, SignatureCheck Signature, string? Problem)
    {
        public static CheckedInvoice Of(PendingInvoice pending, SignerKeys signers)
        {
            var (document, problem) = StoredInvoiceReader.Read(pending.Body);
            if (document is null || signers.For(pending.Certificate) is not { } signer)
            {
                return new CheckedInvoice(pending, null, new SignatureCheck(false, null, null), problem ?? "сертификат не читается (the certificate cannot be read)");
            }

            // A signature counts only with a signing certificate that is in date, chains to a trusted CA and is not revoked.
            var valid = signer.AcceptedForSigning && signer.Verify(pending.Body, pending.Signature);
            return new CheckedInvoice(
                pending, document, new SignatureCheck(valid, signer.Subject.Iin, signer.Subject.Bin, pending.SignatureType, signer.Subject.MaySignForEntity), null);
        }
    }
}
