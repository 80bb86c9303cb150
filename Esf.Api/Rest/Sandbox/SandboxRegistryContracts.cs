using Esf.Infrastructure.Sandbox;

namespace Esf.Api.Rest.Sandbox;

/// <summary>
/// A test taxpayer. Only <c>kind</c> (LEGAL_ENTITY, ENTREPRENEUR, INDIVIDUAL) is required: a missing tin is generated with a
/// correct control digit (a branch's БИН when headOfficeTin is given), a VAT payer without a certificate gets one.
/// </summary>
public sealed record CreateTaxpayerBody(
    string Kind,
    string? Tin = null,
    string? Name = null,
    string? Address = null,
    bool Resident = true,
    bool VatPayer = true,
    string? VatCertificateSeries = null,
    string? VatCertificateNum = null,
    List<string>? Categories = null,
    List<TestBankAccount>? BankAccounts = null,
    string? HeadOfficeTin = null,
    List<TestSuccessor>? Successors = null);

/// <summary>The taxpayer as written into the registry.</summary>
public sealed record TaxpayerView(
    string Tin,
    string Kind,
    string Name,
    string? Address,
    bool Resident,
    VatRegistration? Vat,
    IReadOnlyList<string> Categories,
    IReadOnlyList<TestBankAccount> BankAccounts,
    string? HeadOfficeTin,
    IReadOnlyList<TestSuccessor> Successors);

/// <summary>A test user: login (ИИН, generated when missing), password, and a business profile in each enterprise.</summary>
public sealed record CreateUserBody(
    string Password,
    List<TestMembership> Enterprises,
    string? Login = null,
    string? FirstName = null,
    string? LastName = null);

/// <summary>The user as written: log in with this login and password and one of these enterprises' tin.</summary>
public sealed record UserView(string Login, string Password, IReadOnlyList<TestMembership> Enterprises);
