namespace Esf.Infrastructure.Invoices;

/// <summary>The answer to an upload: invoices queued for registration and invoices declined by the upload checks.</summary>
public sealed record UploadResult(long? UploadId, IReadOnlyList<UploadItemResult> Accepted, IReadOnlyList<UploadItemResult> Declined);
