using Esf.Domain.Rules;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The registry facts for one batch, loaded in two queries, plus the numbers this batch registers as it goes,
/// so two invoices of one batch cannot both take the same number and date.
/// </summary>
internal sealed class BatchRegistryView(
    HashSet<string> knownTaxpayers,
    HashSet<(string Seller, string Num, DateOnly Date)> takenNumbers,
    IReadOnlyList<(string Principal, string Attorney, DateOnly From, DateOnly To)>? powersOfAttorney = null)
    : IRegistryView
{
    public bool TaxpayerExists(string tin) => knownTaxpayers.Contains(tin);

    public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => takenNumbers.Contains((sellerTin, num, date));

    public bool HoldsPowerOfAttorney(string principalTin, string attorneyIin, DateOnly date) =>
        powersOfAttorney?.Any(p => p.Principal == principalTin && p.Attorney == attorneyIin && p.From <= date && date <= p.To) == true;

    public void Take(string sellerTin, string num, DateOnly date) => takenNumbers.Add((sellerTin, num, date));
}
