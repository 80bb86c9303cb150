using Esf.Domain.Invoices;
using Esf.Domain.Waybills;

namespace Esf.Domain.GovernmentSystems;

/// <summary>
/// Which invoices one request may hold (spec-rest §3.8.1): registered and «Не просмотрен» or «Доставлен», the initiator the
/// supplier or the recipient of each, one counterparty for all (it confirms the whole request), and a linked waybill «Подтвержден».
/// </summary>
public static class IsgoSelection
{
    public const string NotAParty = "ISGO_INVALID_SENDER";
    public const string WrongStatus = "ISGO_INVALID_INVOICE_STATUS";
    public const string MixedCounterparties = "ISGO_INVALID_SET_OF_INVOICES";
    public const string WaybillNotConfirmed = "INVOICE_RELATED_SNT_HAS_INVALID_STATUS";

    public static readonly InvoiceStatus[] Selectable = [InvoiceStatus.Created, InvoiceStatus.Delivered];

    /// <summary>The first refusal over the selection, or the counterparty who must confirm the request.</summary>
    public static IsgoSelectionResult Check(IReadOnlyList<IsgoCandidate> candidates, string initiatorTin)
    {
        string? counterparty = null;
        foreach (var c in candidates)
        {
            var other = c.SellerTin == initiatorTin ? c.CustomerTin : c.CustomerTin == initiatorTin ? c.SellerTin : null;
            if (other is null || other == initiatorTin)
            {
                return IsgoSelectionResult.Refuse(c.InvoiceId, NotAParty,
                    $"ЭСФ {c.InvoiceId}: отправить в ИС ГО может только поставщик или получатель (only the supplier or the recipient may send it).");
            }

            if (!Selectable.Contains(c.Status))
            {
                return IsgoSelectionResult.Refuse(c.InvoiceId, WrongStatus,
                    $"ЭСФ {c.InvoiceId}: в ИС ГО отправляются ЭСФ в статусе «Не просмотрен» или «Доставлен» (status {c.Status.ToWire()}).");
            }

            if (c.LinkedWaybill is { } waybill && waybill != WaybillStatus.Confirmed)
            {
                return IsgoSelectionResult.Refuse(c.InvoiceId, WaybillNotConfirmed,
                    $"ЭСФ {c.InvoiceId}: связанная СНТ должна быть в статусе «Подтвержден» (the linked waybill is {waybill.ToWire()}).");
            }

            if (counterparty is not null && other != counterparty)
            {
                return IsgoSelectionResult.Refuse(c.InvoiceId, MixedCounterparties,
                    "Все ЭСФ одного запроса должны иметь одного контрагента (one request, one counterparty who confirms it).");
            }

            counterparty = other;
        }

        return new IsgoSelectionResult(counterparty, null, null, null);
    }
}
