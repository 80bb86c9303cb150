namespace Esf.Domain.Rules;

/// <summary>
/// The outcome of verifying the invoice signature against its certificate, and who the certificate names:
/// the person (ИИН, NCA subject SERIALNUMBER=IIN…) and, for an entity's key, the entity (БИН, OU=BIN…).
/// </summary>
/// <param name="SignatureType">COMPANY (the seller's own key) or OPERATOR (a person holding the seller's power of attorney).</param>
public sealed record SignatureCheck(bool IsValid, string? SignerIin, string? SignerBin, string SignatureType = SignatureCheck.Company)
{
    public const string Company = "COMPANY";
    public const string Operator = "OPERATOR";

    public bool IsOperator => SignatureType == Operator;

    /// <summary>True when the certificate was issued to <paramref name="tin"/>, as an entity or as a person.</summary>
    public bool Represents(string tin) => tin == SignerBin || (SignerBin is null && tin == SignerIin);
}
