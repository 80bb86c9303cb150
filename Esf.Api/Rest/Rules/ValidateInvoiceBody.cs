namespace Esf.Api.Rest.Rules;

/// <summary>POST /api/v1/invoices/validate: the body to check, and optionally its signature and certificate (then GEN-01 and B-02 run too).</summary>
public sealed record ValidateInvoiceBody(string? InvoiceBody, string? Signature, string? X509Certificate);
