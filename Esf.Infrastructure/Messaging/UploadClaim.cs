namespace Esf.Infrastructure.Messaging;

/// <summary>A worker's claim on an upload: when it was stored, the uploading enterprise, and which documents it holds (<see cref="UploadKinds"/>).</summary>
public sealed record UploadClaim(DateTimeOffset ReceivedAt, string Tin, string Kind);
