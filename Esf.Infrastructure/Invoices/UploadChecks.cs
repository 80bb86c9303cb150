using System.Security.Cryptography.X509Certificates;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// The light checks that run at upload on each invoice alone: version, signature format, certificate, XSD and the
/// fields the pipeline cannot store without. Their violations decline the invoice (declinedSet); nothing is stored for it.
/// </summary>
public static class UploadChecks
{
    public const string SupportedVersion = "InvoiceV2";
    private const int MaxSignatureLength = 400;

    public static (InvoiceDocument? Document, IReadOnlyList<RuleViolation> Violations) Check(UploadItem item, X509Certificate2? certificate)
    {
        var violations = Envelope(item, certificate, SupportedVersion);
        var body = InvoiceBodyReader.Read(item.Body);
        violations.AddRange(body.Violations);
        if (body.Document is { } document)
        {
            violations.AddRange(StorableFields(document));
            violations.AddRange(DocumentControl.Run(document));
        }

        return (body.Document, violations);
    }

    /// <summary>The checks of what carries a document, whatever its kind (invoice or waybill): version, signature, signature type, certificate.</summary>
    public static List<RuleViolation> Envelope(UploadItem item, X509Certificate2? certificate, string supportedVersion)
    {
        var violations = new List<RuleViolation>();
        if (item.Version != supportedVersion)
        {
            violations.Add(RuleCatalogue.VersionMustBeSupported.Violation("version", $"«{item.Version}», ожидается {supportedVersion}"));
        }

        if (!IsWellFormedSignature(item.Signature))
        {
            violations.Add(RuleCatalogue.SignatureMustBeWellFormed.Violation("signature"));
        }

        if (item.SignatureType is not ("COMPANY" or "OPERATOR"))
        {
            violations.Add(RuleCatalogue.BodyMustMatchSchema.Violation("signatureType", "допустимые значения: COMPANY, OPERATOR"));
        }

        if (certificate is null)
        {
            violations.Add(RuleCatalogue.CertificateMustBeWellFormed.Violation("x509Certificate"));
        }

        return violations;
    }

    // At most 400 characters, so the decoded bytes fit on the stack: no allocation per invoice.
    private static bool IsWellFormedSignature(string signature) =>
        signature.Length is > 0 and <= MaxSignatureLength && Convert.TryFromBase64String(signature, stackalloc byte[MaxSignatureLength], out _);

    /// <summary>GEN-11 (mandatory fields) for the fields every stored invoice must have: a valid date and a seller.</summary>
    private static IEnumerable<RuleViolation> StorableFields(InvoiceDocument document)
    {
        if (document.Date is null)
        {
            yield return RuleCatalogue.BodyMustMatchSchema.Violation("date", "дата выписки должна быть в формате дд.мм.гггг");
        }

        if (string.IsNullOrEmpty(document.SellerTin))
        {
            yield return RuleCatalogue.BodyMustMatchSchema.Violation("sellers.seller[0].tin", "ИИН/БИН поставщика обязателен");
        }
    }
}
