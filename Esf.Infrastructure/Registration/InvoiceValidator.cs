using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The full format-and-logic control as a dry run (POST /api/v1/invoices/validate): XSD and light rules, then the registration
/// rules against the registry, exactly as the worker runs them; nothing is stored. Without a signature and certificate the two
/// signature rules (GEN-01, B-02) are not run, and the report says so.
/// </summary>
public sealed class InvoiceValidator(NpgsqlDataSource database, TimeProvider clock)
{
    private static readonly string[] SignatureRules = ["GEN-01", "B-02"];

    public async Task<InvoiceValidation> ValidateAsync(string body, string? signature, string? certificate, CancellationToken ct)
    {
        var read = InvoiceBodyReader.Read(body);
        if (read.Document is not { } document)
        {
            return new InvoiceValidation(false, read.Violations, SignatureChecked: false);
        }

        var violations = read.Violations.Concat(DocumentControl.Run(document)).ToList();
        var signed = !string.IsNullOrEmpty(signature) && !string.IsNullOrEmpty(certificate);
        var check = signed ? Verify(body, signature!, certificate!) : new SignatureCheck(true, null, null);
        await using (var connection = await database.OpenConnectionAsync(ct))
        {
            var tins = document.Sellers.Concat(document.Customers).Select(p => p.Tin).OfType<string>().Distinct().ToArray();
            var keys = document.SellerTin is { } seller && document.Date is { } date ? [(seller, document.Num, date)] : new List<(string, string, DateOnly)>();
            var registry = new BatchRegistryView(
                await RegistrationStore.KnownTaxpayersAsync(connection, tins, ct), await RegistrationStore.TakenNumbersAsync(connection, keys, ct),
                await RegistrySnapshotLoader.LoadAsync(connection, [document], ct), DateOnly.FromDateTime(KazakhstanTime.Of(clock.GetUtcNow()).DateTime));
            var context = new RegistrationContext(document, check, registry);
            violations.AddRange(RuleCatalogue.RegistrationRules
                .Where(r => signed || !SignatureRules.Contains(r.Definition.Id))
                .SelectMany(r => r.Check(context)));
        }

        return new InvoiceValidation(violations.Count == 0, violations, signed);
    }

    private static SignatureCheck Verify(string body, string signature, string certificate)
    {
        if (!CertificateParser.TryParse(certificate, out var parsed))
        {
            return new SignatureCheck(false, null, null);
        }

        using (parsed)
        {
            var subject = CertificateParser.Subject(parsed);
            return new SignatureCheck(
                InvoiceSignatureVerifier.Verify(body, signature, parsed), subject.Iin, subject.Bin, MaySignForEntity: subject.MaySignForEntity);
        }
    }
}
