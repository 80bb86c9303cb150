using Esf.Domain.Calendar;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Registration;

/// <summary>The registry facts one batch of invoices needs, loaded with a few set-based queries (<see cref="RegistrySnapshotLoader"/>).</summary>
internal sealed class RegistrySnapshot
{
    public Dictionary<string, TaxpayerFacts> Taxpayers { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SrpParticipants { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Tin, string Iik), string> AccountBiks { get; } = [];
    /// <summary>Any bank account was imported at all; without, B-20 cannot decide.</summary>
    public bool HasBankAccounts { get; set; }
    public Dictionary<string, string> BankNames { get; } = new(StringComparer.Ordinal);
    public HashSet<(string Reorganized, string Successor)> Successors { get; } = [];
    public List<(string Liquidated, string Delegate, DateOnly From, DateOnly? To)> Delegations { get; } = [];
    public Dictionary<string, bool> TnvedExemption { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, bool> CountryEaeu { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Currencies { get; } = new(StringComparer.Ordinal);
    public List<(int Rate, DateOnly From, DateOnly? To)> VatRates { get; } = [];
    public HashSet<DateOnly> OutageDates { get; } = [];
    public bool HasOutages { get; set; }
    /// <summary>The working-day calendar registry, read only for a batch holding an invoice issued on a waybill (R155).</summary>
    public WorkingDayCalendar? WorkingDays { get; set; }

    /// <summary>Registered invoices the batch refers to, by registration number and by (seller, num, date).</summary>
    public Dictionary<string, OriginalInvoice> OriginalsByNumber { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Seller, string Num, DateOnly Date), OriginalInvoice> OriginalsByKey { get; } = [];
}
