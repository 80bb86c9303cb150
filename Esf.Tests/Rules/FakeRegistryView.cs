using Esf.Domain.Calendar;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Rules;
using Esf.Domain.Waybills;

namespace Esf.Tests.Rules;

/// <summary>A registry that knows the valid body's parties (VAT payers, active), holds waybills, and whatever a case adds.</summary>
internal sealed class FakeRegistryView : IRegistryView
{
    public Dictionary<string, TaxpayerFacts> Taxpayers { get; } = new()
    {
        [ValidBody.Seller] = new(ValidBody.Seller, true, new DateOnly(2020, 1, 1), null, null, null, null),
        [ValidBody.Customer] = new(ValidBody.Customer, true, new DateOnly(2020, 1, 1), null, null, null, null),
    };

    public HashSet<string> Srp { get; } = [];
    public Dictionary<(string, string), string> Accounts { get; } = [];
    public Dictionary<string, string> Banks { get; } = [];
    public List<OriginalInvoice> Originals { get; } = [];
    public HashSet<(string, string)> Successors { get; } = [];
    public List<(string Liquidated, string Delegate, DateOnly From, DateOnly To)> Delegations { get; } = [];
    public Dictionary<string, bool> Tnved { get; } = [];
    public HashSet<(string SellerTin, string Num, DateOnly Date)> TakenNumbers { get; } = [];
    public Dictionary<string, bool> Countries { get; } = new() { ["KZ"] = true, ["RU"] = true, ["CN"] = false };
    public HashSet<string> Currencies { get; } = ["KZT", "USD", "RUB"];
    public HashSet<int> VatRates { get; } = [0, 12, 16];
    public DateOnly? Today { get; set; } = new DateOnly(2026, 11, 15);

    public bool TaxpayerExists(string tin) => Taxpayers.TryGetValue(tin, out var t) && t.Active;

    public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => TakenNumbers.Contains((sellerTin, num, date));

    public TaxpayerFacts? Taxpayer(string tin) => Taxpayers.GetValueOrDefault(tin);

    public bool IsSrpParticipant(string tin) => Srp.Contains(tin);

    public string? AccountBik(string tin, string iik) => Accounts.GetValueOrDefault((tin, iik));

    public bool? HoldsAccount(string tin, string iik) => Accounts.Count == 0 ? null : Accounts.ContainsKey((tin, iik));

    public string? BankName(string bik) => Banks.GetValueOrDefault(bik);

    public OriginalInvoice? Original(RelatedInvoice link, string? sellerTin) =>
        Originals.FirstOrDefault(o => o.SellerTin == sellerTin && (link.RegistrationNumber is { } number ? number == $"ESF-{o.InvoiceId}" : o.Num == link.Num));

    public bool IsReorganized(string tin) => Successors.Any(s => s.Item1 == tin);

    public bool IsSuccessor(string reorganizedTin, string successorTin) => Successors.Contains((reorganizedTin, successorTin));

    public bool IsLiquidatedBranch(string tin) => Delegations.Any(d => d.Liquidated == tin);

    public bool HasDelegation(string liquidatedTin, string delegateTin, DateOnly date) =>
        Delegations.Any(d => d.Liquidated == liquidatedTin && d.Delegate == delegateTin && d.From <= date && date <= d.To);

    public bool? IsExemptionGoods(string tnvedCode) => Tnved.TryGetValue(tnvedCode, out var flag) ? flag : null;

    public bool? IsEaeuMember(string countryCode) => Countries.TryGetValue(countryCode, out var flag) ? flag : null;

    public bool? IsKnownCountry(string countryCode) => Countries.Count == 0 ? null : Countries.ContainsKey(countryCode);

    public bool? IsKnownCurrency(string currencyCode) => Currencies.Count == 0 ? null : Currencies.Contains(currencyCode);

    public bool? IsVatRateInForce(int rate, DateOnly date) => VatRates.Contains(rate);

    public DateOnly? RegistrationDay => Today;

    public HashSet<DateOnly> Outages { get; } = [new DateOnly(2026, 11, 1)];

    public bool? IsOutageDate(DateOnly date) => Outages.Contains(date);

    public Dictionary<(string Number, string Supplier), ProcurementAct> Acts { get; } = [];

    public ProcurementAct? ProcurementAct(string number, string supplierTin) => Acts.GetValueOrDefault((number, supplierTin));

    public Dictionary<(string ContractNumber, string Supplier), ProcurementContract> Contracts { get; } = [];

    public ProcurementContract? ProcurementContract(string contractNumber, string supplierTin) => Contracts.GetValueOrDefault((contractNumber, supplierTin));

    public FakeWaybillView WaybillStore { get; } = new();

    public IWaybillView? Waybills => WaybillStore;

    /// <summary>Weekends only unless a case adds holidays.</summary>
    public WorkingDayCalendar? WorkingDays { get; set; } = new([], []);
}
