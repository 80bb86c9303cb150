namespace Esf.Domain.Rules;

/// <summary>
/// The outcome of verifying the invoice signature against its certificate, and who the certificate names:
/// the person (ИИН, NCA subject SERIALNUMBER=IIN…) and, for an entity's key, the entity (БИН, OU=BIN…).
/// </summary>
public sealed record SignatureCheck(bool IsValid, string? SignerIin, string? SignerBin)
{
    /// <summary>True when the certificate was issued to <paramref name="tin"/>, as an entity or as a person.</summary>
    public bool Represents(string tin) => tin == SignerBin || (SignerBin is null && tin == SignerIin);
}
