namespace Esf.Domain.Rules;

/// <summary>
/// The outcome of verifying the invoice signature against its certificate, and who the certificate names:
/// the person (ИИН, NCA subject SERIALNUMBER=IIN…) and, for an entity's key, the entity (БИН, OU=BIN…).
/// </summary>
/// <param name="SignatureType">COMPANY (the seller's own key) or OPERATOR (a person holding the seller's power of attorney).</param>
/// <param name="MaySignForEntity">
/// False when an entity's key belongs to a holder whose НУЦ РК role does not sign for the entity (an employee, HR staff):
/// such a key signs for its enterprise only as OPERATOR, under a power of attorney.
/// </param>
public sealed record SignatureCheck(
    bool IsValid, string? SignerIin, string? SignerBin, string SignatureType = SignatureCheck.Company, bool MaySignForEntity = true)
{
    public const string Company = "COMPANY";
    public const string Operator = "OPERATOR";

    public bool IsOperator => SignatureType == Operator;

    /// <summary>True when the certificate was issued to <paramref name="tin"/>, as an entity or as a person.</summary>
    public bool Represents(string tin) => (tin == SignerBin && MaySignForEntity) || (SignerBin is null && tin == SignerIin);
}
