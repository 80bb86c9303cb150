namespace Esf.Infrastructure.Invoices;

/// <summary>One invoice of an upload (invoiceUploadInfo): the body exactly as sent, its version, signature and signature type.</summary>
public sealed record UploadItem(string Body, string Version, string Signature, string SignatureType);
