namespace Esf.Domain.Invoices;

/// <summary>
/// The Kazakh identification number of a person (ИИН) or an organisation (БИН): 12 digits. The one format check of both,
/// for invoice parties, logins, auth tickets and powers of attorney.
/// </summary>
public static class IdentificationNumber
{
    public const int Length = 12;

    public static bool IsWellFormed(string? value) => value is { Length: Length } && value.All(char.IsAsciiDigit);
}
