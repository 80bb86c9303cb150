namespace Esf.Infrastructure.Printing;

/// <summary>A rendered printed form: its bytes, media type and the file name it is downloaded under.</summary>
public sealed record PrintedDocument(byte[] Content, string ContentType, string FileName);
