using Esf.Domain.Calendar;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The registry facts for one batch, loaded in advance, plus what this batch registers as it goes: the numbers it takes
/// (two invoices of one batch cannot both take one number and date) and the originals its corrected invoices annul.
/// </summary>
internal sealed class BatchRegistryView(
    HashSet<string> knownTaxpayers,
    HashSet<(string Seller, string Num, DateOnly Date)> takenNumbers,
    RegistrySnapshot? snapshot = null,
    DateOnly? registrationDay = null,
    IReadOnlyList<(string Principal, string Attorney, DateOnly From, DateOnly To)>? powersOfAttorney = null,
    Waybills.WaybillRegistryView? waybills = null,
    Procurement.ProcurementFacts? procurement = null)
    : IRegistryView
{
    public ProcurementAct? ProcurementAct(string number, string supplierTin) => procurement?.Act(number, supplierTin);

    public ProcurementContract? ProcurementContract(string contractNumber, string supplierTin) => procurement?.Contract(contractNumber, supplierTin);

    /// <summary>The acts and contracts the batch names (EGZ rules); null for a view built without them (those rules pass).</summary>
    public Procurement.ProcurementFacts? Procurement => procurement;

    private readonly RegistrySnapshot facts = snapshot ?? new RegistrySnapshot();

    /// <summary>The registered waybills the batch names (ADR 0024); null for a view built without them (the rules that need one pass).</summary>
    public Waybills.WaybillRegistryView? Waybills => waybills;

    Domain.Waybills.IWaybillView? IRegistryView.Waybills => waybills;

    public DateOnly? RegistrationDay => registrationDay;

    public bool TaxpayerExists(string tin) => knownTaxpayers.Contains(tin);

    public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => takenNumbers.Contains((sellerTin, num, date));

    // The lookups below are loops, not LINQ: the rules ask them per invoice and per line, and a lambda capturing its arguments
    // was a closure and a delegate on every call (issue 17).
    public bool HoldsPowerOfAttorney(string principalTin, string attorneyIin, DateOnly date)
    {
        foreach (var p in powersOfAttorney ?? [])
        {
            if (p.Principal == principalTin && p.Attorney == attorneyIin && p.From <= date && date <= p.To)
            {
                return true;
            }
        }

        return false;
    }

    public void Take(string sellerTin, string num, DateOnly date) => takenNumbers.Add((sellerTin, num, date));

    /// <summary>A corrected invoice of this batch passed: its original counts as CANCELED for the rest of the batch.</summary>
    public void Cancel(OriginalInvoice original) => Replace(original.InvoiceId, o => o with { Status = "CANCELED" });

    /// <summary>An additional invoice of this batch passed: its total counts for the next additional invoice of the same original (ADD-09).</summary>
    public void Supplement(OriginalInvoice original, decimal total) =>
        Replace(original.InvoiceId, o => o with { EarlierAdditionalsTotal = o.EarlierAdditionalsTotal + total });

    private void Replace(long invoiceId, Func<OriginalInvoice, OriginalInvoice> change)
    {
        foreach (var key in facts.OriginalsByNumber.Where(p => p.Value.InvoiceId == invoiceId).Select(p => p.Key).ToList())
        {
            facts.OriginalsByNumber[key] = change(facts.OriginalsByNumber[key]);
        }

        foreach (var key in facts.OriginalsByKey.Where(p => p.Value.InvoiceId == invoiceId).Select(p => p.Key).ToList())
        {
            facts.OriginalsByKey[key] = change(facts.OriginalsByKey[key]);
        }
    }

    public TaxpayerFacts? Taxpayer(string tin) => facts.Taxpayers.GetValueOrDefault(tin);

    public bool IsSrpParticipant(string tin) => facts.SrpParticipants.Contains(tin);

    public string? AccountBik(string tin, string iik) => facts.AccountBiks.GetValueOrDefault((tin, iik));

    public bool? HoldsAccount(string tin, string iik) => facts.HasBankAccounts ? facts.AccountBiks.ContainsKey((tin, iik)) : null;

    public string? BankName(string bik) => facts.BankNames.GetValueOrDefault(bik);

    public OriginalInvoice? Original(RelatedInvoice link, string? sellerTin)
    {
        if (sellerTin is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(link.RegistrationNumber))
        {
            return facts.OriginalsByNumber.TryGetValue(link.RegistrationNumber.Trim(), out var byNumber) && byNumber.SellerTin == sellerTin
                && byNumber.Date == BodyFacts.ParseDate(link.Date) && link.Num == byNumber.Num ? byNumber : null;
        }

        return link.Num is { } num && BodyFacts.ParseDate(link.Date) is { } date ? facts.OriginalsByKey.GetValueOrDefault((sellerTin, num, date)) : null;
    }

    public bool IsReorganized(string tin)
    {
        foreach (var successor in facts.Successors)
        {
            if (successor.Reorganized == tin)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSuccessor(string reorganizedTin, string successorTin) => facts.Successors.Contains((reorganizedTin, successorTin));

    public bool IsLiquidatedBranch(string tin)
    {
        foreach (var delegation in facts.Delegations)
        {
            if (delegation.Liquidated == tin)
            {
                return true;
            }
        }

        return false;
    }

    public bool HasDelegation(string liquidatedTin, string delegateTin, DateOnly date)
    {
        foreach (var d in facts.Delegations)
        {
            if (d.Liquidated == liquidatedTin && d.Delegate == delegateTin && d.From <= date && (d.To is null || date <= d.To))
            {
                return true;
            }
        }

        return false;
    }

    public bool? IsExemptionGoods(string tnvedCode) => facts.TnvedExemption.TryGetValue(tnvedCode, out var flag) ? flag : null;

    public bool? IsEaeuMember(string countryCode) => facts.CountryEaeu.TryGetValue(countryCode, out var flag) ? flag : null;

    public bool? IsKnownCountry(string countryCode) => facts.CountryEaeu.Count == 0 ? null : facts.CountryEaeu.ContainsKey(countryCode);

    public bool? IsKnownCurrency(string currencyCode) => facts.Currencies.Count == 0 ? null : facts.Currencies.Contains(currencyCode);

    public bool? IsVatRateInForce(int rate, DateOnly date)
    {
        if (facts.VatRates.Count == 0)
        {
            return null;
        }

        foreach (var r in facts.VatRates)
        {
            if (r.Rate == rate && r.From <= date && (r.To is null || date <= r.To))
            {
                return true;
            }
        }

        return false;
    }

    public bool? IsOutageDate(DateOnly date) => facts.HasOutages ? facts.OutageDates.Contains(date) : null;

    public WorkingDayCalendar? WorkingDays => facts.WorkingDays;
}
