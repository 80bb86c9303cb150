namespace Esf.Infrastructure.Messaging;

/// <summary>An unfinished upload the relay must act on, and how often it was published and claimed; <see cref="Kind"/> is an <see cref="UploadKinds"/> value.</summary>
internal sealed record DueUpload(long UploadId, int PublishCount, int ClaimCount, string Kind);
