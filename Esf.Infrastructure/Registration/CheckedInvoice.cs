using Esf.Domain.Invoices;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// An invoice read and its signature checked: the CPU-bound first step of the control, shared by the worker (in parallel across
/// a batch) and the dry run. A signature counts only when it verifies the exact body with a certificate accepted for signing
/// (in date, meant for signing, chained to a trusted CA and not revoked: <see cref="Security.CertificateValidator"/>);
/// <see cref="SignatureCheck.SignatureType"/> tells the seller's own key (COMPANY) from an attorney's (OPERATOR).
/// </summary>
internal sealed record CheckedInvoice(long InvoiceId, InvoiceDocument? Document, SignatureCheck Signature, string? Problem)
{
    public static CheckedInvoice Of(long invoiceId, string body, string signature, string certificate, string signatureType, SignerKeys signers)
    {
        var (document, problem) = StoredInvoiceReader.Read(body);
        if (document is null || signers.Check(body, signature, certificate, signatureType) is not { } check)
        {
            return new CheckedInvoice(invoiceId, null, SignerKeys.Unreadable, problem ?? SignerKeys.UnreadableCertificate);
        }

        return new CheckedInvoice(invoiceId, document, check, null);
    }
}
