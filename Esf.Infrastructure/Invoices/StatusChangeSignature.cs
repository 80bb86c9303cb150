using System.Globalization;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// The signature over an id list (revoke, unrevoke, decline, delete). The real service's signed bytes are not public, so this
/// gateway defines them (docs/lifecycle.md): one line per invoice in request order, <c>id|reason</c> (or <c>id</c> alone for
/// delete), lines joined by "\n" without a trailing one, UTF-8, signed with RSA-SHA256 like an invoice body. The certificate
/// must name the acting user (ИИН) and, when it names an entity, the session's enterprise (БИН).
/// </summary>
public static class StatusChangeSignature
{
    public static string CanonicalText(IReadOnlyList<StatusChangeItem> items) => string.Join('\n', items.Select(i =>
        i.Reason is null ? i.Id.ToString(CultureInfo.InvariantCulture) : $"{i.Id.ToString(CultureInfo.InvariantCulture)}|{i.Reason}"));

    public static void Verify(SessionContext session, IReadOnlyList<StatusChangeItem> items, SignedStatusChange signed)
    {
        if (!CertificateParser.TryParse(signed.Certificate, out var parsed))
        {
            throw EsfException.Code("CERTIFICATE_INVALID_FORMAT");
        }

        using var certificate = parsed;
        var subject = CertificateParser.Subject(certificate);
        if (subject.Iin != session.Login || (subject.Bin is not null && subject.Bin != session.Tin))
        {
            throw EsfException.Business(
                "Сертификат подписи не принадлежит пользователю сессии (the certificate does not name the session's user and enterprise).",
                "CERTIFICATE_NOT_VALID");
        }

        if (!InvoiceSignatureVerifier.Verify(CanonicalText(items), signed.Signature, certificate))
        {
            throw EsfException.Code("SIGNATURE_VERIFICATION_FAILED");
        }
    }
}
