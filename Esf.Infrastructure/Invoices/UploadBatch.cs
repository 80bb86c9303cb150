namespace Esf.Infrastructure.Invoices;

/// <summary>An upload: invoices signed with one certificate (syncInvoice's x509Certificate).</summary>
public sealed record UploadBatch(IReadOnlyList<UploadItem> Items, string Certificate);
