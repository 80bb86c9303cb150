using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Warehouse;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The full format-and-logic control as a dry run (POST /api/v1/invoices/validate), nothing stored: the upload's checks, who may
/// send the invoice (<see cref="SellerAuthority"/>), then the registration rules exactly as the worker runs them, through the
/// same steps (<see cref="CheckedInvoice"/>, <see cref="RegistryFacts"/>, <see cref="RegistrationJudge"/>). A body the session
/// may not send is refused as the upload refuses it, before any registry lookup, so the dry run never reads another
/// enterprise's invoices. Where the goods came from (VS-46, VS-47) is judged as the worker judges it (<see cref="VerdictSources"/>).
/// Without a signature and certificate the signature rules (GEN-01, B-02, POA-01) are not run, and the
/// report says so.
/// </summary>
public sealed class InvoiceValidator(
    NpgsqlDataSource database, TimeProvider clock, Security.CertificateValidator certificates, ParsedCertificates parsedCertificates,
    WarehouseDryRun warehouse)
{
    private static readonly string[] SignatureRules = ["GEN-01", "B-02", "POA-01"];

    /// <param name="signatureType">COMPANY (default) or OPERATOR, as the upload would send it.</param>
    /// <param name="warehouseLines">The lines the upload would sell through the virtual warehouse: when the rest of the control
    /// passes, they get the worker's warehouse checks (<see cref="WarehouseDryRun"/>), and nothing moves.</param>
    public async Task<InvoiceValidation> ValidateAsync(
        SessionContext session, string body, string? signature, string? certificate, string? signatureType,
        IReadOnlyList<WarehouseLineRef>? warehouseLines, CancellationToken ct)
    {
        var type = string.IsNullOrEmpty(signatureType) ? SignatureCheck.Company : signatureType;
        var signed = !string.IsNullOrEmpty(signature) && !string.IsNullOrEmpty(certificate);
        var parsed = signed ? parsedCertificates.Get(certificate)?.Certificate : null;
        var (document, violations) = signed
            ? UploadChecks.Check(new UploadItem(body, UploadChecks.SupportedVersion, signature!, type), parsed)
            : UnsignedUploadStage(body);
        if (document is null)
        {
            return new InvoiceValidation(false, violations, false);
        }

        var today = KazakhstanTime.Today(clock);
        await using var connection = await database.OpenConnectionAsync(ct);
        if (document.SellerTin is { } seller
            && (await SellerAuthority.LoadAsync(connection, session, [seller], today, ct)).Refusal(document, type) is { } refusal)
        {
            return new InvoiceValidation(false, [.. violations, refusal], signed);
        }

        // The signature rules need a certificate the upload would take (an unreadable one is API-04 above).
        var signatureChecked = parsed is not null;
        var registry = await RegistryFacts.LoadAsync(connection, [document], today, lockOriginals: false, ct);
        CheckedInvoice invoice;
        using (var signers = new SignerKeys(certificates, parsedCertificates))
        {
            invoice = signatureChecked
                ? CheckedInvoice.Of(0, body, signature!, certificate!, type, signers)
                : new CheckedInvoice(0, document, new SignatureCheck(true, null, null, type), null);
        }

        var verdict = RegistrationJudge.Judge(invoice, registry);
        var all = violations.Concat(verdict.Violations.Where(v => signatureChecked || !SignatureRules.Contains(v.RuleId))).ToList();
        // Where the goods came from (VS-46, VS-47), for an invoice the control registers and before the warehouse, as in the worker.
        if (all.Count == 0)
        {
            all.AddRange(await VerdictSources.CheckAsync(connection, document, warehouseLines ?? [], ct));
        }

        // The worker moves goods only for an invoice the control registers, so the warehouse is judged only then, as there.
        if (all.Count == 0 && warehouseLines is { Count: > 0 })
        {
            all.AddRange(await warehouse.CheckAsync(document, warehouseLines, verdict.Related?.InvoiceId, ct));
        }

        return new InvoiceValidation(all.Count == 0, all, signatureChecked);
    }

    /// <summary>The upload checks of the body alone (XSD and light rules), for a body sent without signature and certificate.</summary>
    private static (Domain.Invoices.InvoiceDocument? Document, IReadOnlyList<RuleViolation> Violations) UnsignedUploadStage(string body)
    {
        var read = InvoiceBodyReader.Read(body);
        return (read.Document, [.. read.Violations, .. read.Document is { } document ? DocumentControl.Run(document) : []]);
    }
}
