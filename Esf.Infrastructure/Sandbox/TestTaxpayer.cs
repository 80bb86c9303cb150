using Esf.Infrastructure.Participants;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// A taxpayer the sandbox writes into the registry: any kind (ЮЛ, ИП, ФЛ), resident or not, a VAT payer with its certificate
/// (свидетельство о постановке на учёт по НДС), categories, bank accounts, a head office (when a branch) and successors.
/// </summary>
public sealed record TestTaxpayer(
    string Tin,
    ParticipantKind Kind,
    string Name,
    string? Address,
    bool Resident,
    VatRegistration? Vat,
    IReadOnlyList<string> Categories,
    IReadOnlyList<TestBankAccount> BankAccounts,
    string? HeadOfficeTin,
    IReadOnlyList<TestSuccessor> Successors);

/// <summary>The VAT registration certificate: series (5 digits) and number (7 digits), and since when.</summary>
public sealed record VatRegistration(string CertificateSeries, string CertificateNum, DateOnly RegisteredOn);

/// <summary>A bank account: ИИК, БИК and КБе.</summary>
public sealed record TestBankAccount(string Iik, string Bik, string? Kbe);

/// <summary>A successor of a reorganized taxpayer (kind: MERGER, ACCESSION, DIVISION, …).</summary>
public sealed record TestSuccessor(string Tin, string Kind);
