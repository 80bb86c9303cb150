namespace Esf.Infrastructure.Registry;

/// <summary>One enterprise to check (enterpriseValidation, facts §7.12): VAT certificate, ИИН/БИН and optionally a bank account.</summary>
public sealed record EnterpriseKey(string CertificateSeries, string CertificateNum, string Tin, string? Bik = null, string? Iik = null);
