namespace Esf.Infrastructure.Messaging.Contracts;

/// <summary>
/// Command to the worker: run the control over the invoices of one upload and register or fail each.
/// Carries only the id; the worker reads the stored invoices. One message per upload, not per invoice.
/// </summary>
public sealed record ValidateUpload(long UploadId);
