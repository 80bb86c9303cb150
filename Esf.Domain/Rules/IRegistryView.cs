using Esf.Domain.Calendar;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills;

namespace Esf.Domain.Rules;

/// <summary>
/// What the registration rules read from the registry and from other invoices, loaded in advance for a batch.
/// The members with a default body answer «unknown» (null or false): a rule that cannot decide passes, as documented per rule.
/// </summary>
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

    /// <summary>The registry's facts for a ИИН/БИН, deregistered ones included; null when it is unknown.</summary>
    TaxpayerFacts? Taxpayer(string tin) => null;

    /// <summary>The ИИН/БИН is in the dictionary «Участники СРП».</summary>
    bool IsSrpParticipant(string tin) => false;

    /// <summary>The БИК of the seller's account <paramref name="iik"/>, null when the account is not the seller's.</summary>
    string? AccountBik(string tin, string iik) => null;

    /// <summary>
    /// The account <paramref name="iik"/> is one of the taxpayer's (registry «bank-accounts»); null when that registry is
    /// empty (never imported), like every other dictionary the rules read.
    /// </summary>
    bool? HoldsAccount(string tin, string iik) => null;

    /// <summary>The bank name of a БИК, null when unknown.</summary>
    string? BankName(string bik) => null;

    /// <summary>The ЭГЗ act <paramref name="number"/> of the supplier <paramref name="supplierTin"/>; null when there is none.</summary>
    Procurement.ProcurementAct? ProcurementAct(string number, string supplierTin) => null;

    /// <summary>The ЭГЗ contract <paramref name="contractNumber"/> of the supplier <paramref name="supplierTin"/>; null when there is none.</summary>
    Procurement.ProcurementContract? ProcurementContract(string contractNumber, string supplierTin) => null;

    /// <summary>
    /// The registered invoice <paramref name="link"/> names, if it is an invoice of <paramref name="sellerTin"/>; null when none.
    /// A registration number of another seller's invoice answers null too, exactly like a number that does not exist.
    /// </summary>
    OriginalInvoice? Original(RelatedInvoice link, string? sellerTin) => null;

    /// <summary>The person was reorganized (has successors).</summary>
    bool IsReorganized(string tin) => false;

    bool IsSuccessor(string reorganizedTin, string successorTin) => false;

    /// <summary>The ИИН/БИН is a liquidated branch with at least one delegation.</summary>
    bool IsLiquidatedBranch(string tin) => false;

    /// <summary>A delegation from the liquidated branch to <paramref name="delegateTin"/> is in force on <paramref name="date"/>.</summary>
    bool HasDelegation(string liquidatedTin, string delegateTin, DateOnly date) => false;

    /// <summary>The ТН ВЭД code's exemption-goods flag; null when the code is not in the dictionary.</summary>
    bool? IsExemptionGoods(string tnvedCode) => null;

    /// <summary>The country is an EAEU member; null when the country is not in the dictionary.</summary>
    bool? IsEaeuMember(string countryCode) => null;

    /// <summary>The country is in the dictionary «Страна»; null when the dictionary is empty (not imported).</summary>
    bool? IsKnownCountry(string countryCode) => null;

    /// <summary>The currency is in the currency dictionary; null when the dictionary is empty (not imported).</summary>
    bool? IsKnownCurrency(string currencyCode) => null;

    /// <summary>The VAT rate is in force on the date; null when the VAT-rate dictionary is empty (not imported).</summary>
    bool? IsVatRateInForce(int rate, DateOnly date) => null;

    /// <summary>The date is a confirmed outage of ИС ЭСФ; null when the outage registry is empty (not imported).</summary>
    bool? IsOutageDate(DateOnly date) => null;

    /// <summary>The day of registration in Kazakhstan time; null when unknown (e.g. a dry run without a clock).</summary>
    DateOnly? RegistrationDay => null;

    /// <summary>
    /// The registered waybills (СНТ); null when the view holds none, and then the rules that need a waybill (spec-snt §9,
    /// SNT-W) cannot decide and pass.
    /// </summary>
    IWaybillView? Waybills => null;

    /// <summary>The working-day calendar (holidays, transferred days); null when it is not imported, and R155 passes.</summary>
    WorkingDayCalendar? WorkingDays => null;
}
