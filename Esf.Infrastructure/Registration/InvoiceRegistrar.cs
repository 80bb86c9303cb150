using Esf.Domain.Rules;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Telemetry;
using Esf.Infrastructure.Xml;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The worker's job for one upload: take its invoices (IN_PROCESSING), verify signatures, run the registration rules with
/// the registry facts of the whole batch, and register or fail each invoice. Safe to run again for the same upload.
/// </summary>
public sealed class InvoiceRegistrar(
    NpgsqlDataSource database, TimeProvider clock, ILogger<InvoiceRegistrar> logger, Security.CertificateValidator certificates)
{
    public async Task ProcessAsync(long uploadId, CancellationToken cancellationToken)
    {
        using var activity = EsfActivities.StartRegistration(uploadId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await RegistrationStore.MarkInProcessingAsync(connection, uploadId, clock.GetUtcNow(), cancellationToken);
        var pending = await RegistrationStore.LoadInProcessingAsync(connection, uploadId, cancellationToken);
        if (pending.Count == 0)
        {
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
            await transaction.CommitAsync(cancellationToken);
        }

        await EsfMetrics.JudgedAsync(connection, uploadId, verdicts.Count(v => v.Passed), verdicts.Where(v => !v.Passed).Select(v => v.Violations),
            clock.GetUtcNow(), cancellationToken);

        logger.LogInformation("Upload {UploadId}: {Created} registered, {Failed} failed",
            uploadId, verdicts.Count(v => v.Passed), verdicts.Count(v => !v.Passed));
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
            var body = InvoiceBodyReader.Read(pending.Body);
            if (body.Document is null || signers.For(pending.Certificate) is not { } signer)
            {
                return new CheckedInvoice(pending, null, new SignatureCheck(false, null, null), body.Violations.FirstOrDefault()?.Message);
            }

            // A signature counts only with a signing certificate that is in date, chains to a trusted CA and is not revoked.
            var valid = signer.AcceptedForSigning && signer.Verify(pending.Body, pending.Signature);
            return new CheckedInvoice(
                pending, body.Document, new SignatureCheck(valid, signer.Subject.Iin, signer.Subject.Bin, pending.SignatureType), null);
        }
    }
}
