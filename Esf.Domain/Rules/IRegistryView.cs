namespace Esf.Domain.Rules;

/// <summary>What the registration rules read from the registry and from other invoices, loaded in advance for a batch.</summary>
public interface IRegistryView
{
    /// <summary>The ИИН/БИН is a taxpayer known to the registry (Государственная база данных налогоплательщиков).</summary>
    bool TaxpayerExists(string tin);

    /// <summary>A live invoice of <paramref name="sellerTin"/> already carries this number and date.</summary>
    bool IsNumberTaken(string sellerTin, string num, DateOnly date);

    /// <summary>
    /// <paramref name="attorneyIin"/> holds a power of attorney of <paramref name="principalTin"/> valid on <paramref name="date"/>
    /// (signatureType OPERATOR). None by default, so views that know no powers of attorney refuse OPERATOR signatures.
    /// </summary>
    bool HoldsPowerOfAttorney(string principalTin, string attorneyIin, DateOnly date) => false;
}
