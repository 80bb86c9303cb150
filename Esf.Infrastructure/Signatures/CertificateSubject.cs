namespace Esf.Infrastructure.Signatures;

/// <summary>Who a certificate was issued to: the person (ИИН) and, for an entity's key, the entity (БИН).</summary>
public sealed record CertificateSubject(string? Iin, string? Bin);
