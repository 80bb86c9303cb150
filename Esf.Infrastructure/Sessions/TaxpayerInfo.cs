namespace Esf.Infrastructure.Sessions;

/// <summary>A taxpayer of the registry as the API shows it.</summary>
public sealed record TaxpayerInfo(
    string Tin,
    string NameRu,
    string? NameKz,
    string? AddressRu,
    bool Resident,
    string EnterpriseType,
    string? CertificateSeries,
    string? CertificateNum,
    string? Kogd);
