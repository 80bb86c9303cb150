namespace Esf.Domain.Rules;

/// <summary>What the registry knows of one ИИН/БИН, as the registration rules need it.</summary>
public sealed record TaxpayerFacts(
    string Tin, bool Active, DateOnly? VatRegisteredOn, DateOnly? VatDeregisteredOn, string? HeadOfficeTin,
    string? CertificateSeries, string? CertificateNum)
{
    /// <summary>The registry marks the ИИН/БИН resident (false: a non-resident, e.g. its structural unit).</summary>
    public bool IsResident { get; init; } = true;

    /// <summary>Registered as a VAT payer on <paramref name="date"/> (from its registration day up to the day before deregistration).</summary>
    public bool IsVatPayerOn(DateOnly date) => VatRegisteredOn <= date && (VatDeregisteredOn is null || date < VatDeregisteredOn);
}
