namespace Esf.Api.Rest.Rules;

/// <summary>
/// POST /api/v1/invoices/validate: the body to check, and optionally its signature, certificate (then GEN-01, B-02 and POA-01
/// run too) and signature type (COMPANY by default, or OPERATOR).
/// </summary>
public sealed record ValidateInvoiceBody(string? InvoiceBody, string? Signature, string? X509Certificate, string? SignatureType = null);
