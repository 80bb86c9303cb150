namespace Esf.Infrastructure.Messaging;

/// <summary>An unfinished upload the relay must republish or give up on, with how often it was published and claimed.</summary>
internal sealed record DueUpload(long UploadId, int PublishCount, int ClaimCount);
