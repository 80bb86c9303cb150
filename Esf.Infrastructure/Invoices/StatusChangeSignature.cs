using System.Globalization;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// The signature over an id list (revoke, unrevoke, decline, delete). The real service's signed bytes are not public, so this
/// gateway defines them (docs/lifecycle.md): one line per invoice in request order, <c>id|reason</c> (or <c>id</c> alone for
/// delete), lines joined by "\n" without a trailing one, UTF-8, signed like an invoice body (RSA-SHA256 or GOST). The certificate
/// must be a signing certificate the trust store accepts (in date, chained to a trusted CA, not revoked by a current CRL),
/// name the acting user (ИИН) and, when it names an entity, the session's enterprise (БИН).
/// The text names no operation (security review L9): the real service's signing tools (LocalService signIdWithReasonList and
/// signIdList) sign ids and reasons only, so binding the operation would refuse every signature made as the real service
/// expects; a replay is limited to the signer's own session and what the lifecycle allows (docs/adr/0012).
/// </summary>
public static class StatusChangeSignature
{
    public static string CanonicalText(IReadOnlyList<StatusChangeItem> items) => string.Join('\n', items.Select(i =>
        i.Reason is null ? i.Id.ToString(CultureInfo.InvariantCulture) : $"{i.Id.ToString(CultureInfo.InvariantCulture)}|{i.Reason}"));

    public static void Verify(
        SessionContext session, IReadOnlyList<StatusChangeItem> items, SignedStatusChange signed, CertificateValidator certificates)
    {
        if (!CertificateParser.TryParse(signed.Certificate, out var parsed))
        {
            throw EsfException.Code("CERTIFICATE_INVALID_FORMAT");
        }

        using var certificate = parsed;
        certificates.Validate(certificate, CertificatePurpose.Signing);
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
