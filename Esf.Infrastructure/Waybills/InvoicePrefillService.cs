using System.Globalization;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// The invoice an enterprise issues on a registered waybill (<c>POST /api/v1/snt/{id}/invoice</c>): <see cref="InvoicePrefill"/>
/// (Tables 28 and 29) dated today in the issuer's world, written as InvoiceV2. It finds the invoice a corrected waybill's
/// invoice corrects (the one in force on its primary) or a return's additional invoice adjusts (the one in force on the
/// waybill returned), and refuses up front, with the registration rules' codes, what the worker would fail anyway. Only the
/// invoice's supplier may ask — the waybill's seller, or its buyer for a return; anyone else is told the waybill is not found.
/// </summary>
public sealed class InvoicePrefillService(TimeProvider clock)
{
    public const string Version = "InvoiceV2";

    /// <param name="waybill">The registered waybill, with its invoices, as <paramref name="waybills"/> answers it.</param>
    /// <param name="waybills">Finds the waybill a corrected or return waybill names.</param>
    /// <param name="issuerTin">The enterprise of the session.</param>
    public PrefilledInvoice Prefill(RegisteredWaybill waybill, IWaybillView waybills, string issuerTin)
    {
        var document = waybill.Document;
        if (document.RegistrationNumber is null || document.Type is not { } type || IssuerOf(document, type) != issuerTin)
        {
            throw EsfException.NotFound("СНТ не найдена (the waybill is not found)", "SNT_NOT_FOUND");
        }

        EnsureInvoiceMayBeIssued(waybill, type);
        var original = OriginalOf(document, type, waybills);
        if (type == WaybillType.Return && original is null)
        {
            throw EsfException.Conflict("На возвращаемую СНТ нет действующего ЭСФ, к которому выписывается дополнительный ЭСФ",
                "MAIN_FOR_ADDITIONAL_INVOICES_NOT_FOUND");
        }

        var invoice = InvoicePrefill.For(document, KazakhstanTime.Today(clock), original).Body;
        return new PrefilledInvoice(type == WaybillType.Return ? "29" : "28", invoice.InvoiceType!, Version, InvoiceXmlWriter.Write(invoice));
    }

    /// <summary>The invoice's supplier: the waybill's seller, or on a return (the sides swapped) its buyer (ADR 0016).</summary>
    private static string? IssuerOf(WaybillDocument document, WaybillType type) =>
        type == WaybillType.Return ? document.CustomerTin : document.SellerTin;

    /// <summary>R158, R163, R002/R006/R010 and R004, as the worker checks them on the uploaded invoice.</summary>
    private static void EnsureInvoiceMayBeIssued(RegisteredWaybill waybill, WaybillType type)
    {
        if (waybill.Document.Movement is WaybillMovement.Import or WaybillMovement.TemporaryImport)
        {
            throw EsfException.Conflict("ЭСФ не выписывается на основании СНТ на импорт или СНТ на временный ввоз",
                "SNT_BASED_INVOICE_IMPORT_TYPE_NOT_ALLOWED");
        }

        if (waybill.Status == WaybillStatus.SendToIsgo)
        {
            throw EsfException.Conflict("СНТ заблокирована ИС ЭСФ (отправлена в ИС ГО): выписка ЭСФ на её основании невозможна",
                "LOCKED_BY_SENDING_TO_ISGO");
        }

        var isReturn = type == WaybillType.Return;
        if (!(isReturn ? SntBasisRules.ReturnBasis : SntBasisRules.MainBasis).Contains(waybill.Status))
        {
            throw EsfException.Conflict($"ЭСФ не выписывается на СНТ в статусе {waybill.Status.ToWire()}",
                isReturn ? "INVOICE_RELATED_SNT_HAS_INVALID_STATUS" : "SNT_BASED_INVOICE_SNT_STATUS_NOT_ALLOWED");
        }

        if (waybill.ActiveInvoices.Any())
        {
            throw EsfException.Conflict("На основании одной СНТ возможно создать один действующий ЭСФ: на эту СНТ уже выписан ЭСФ",
                "INVOICE_ALREADY_LINKED_WITH_SNT");
        }
    }

    /// <summary>
    /// The invoice in force on the waybill a corrected waybill corrects or a return returns; null for a primary, or for a
    /// corrected waybill whose primary carries none (then the invoice is a main one).
    /// </summary>
    private static RelatedInvoice? OriginalOf(WaybillDocument document, WaybillType type, IWaybillView waybills) =>
        type != WaybillType.Primary && document.Body.RelatedWaybill?.RegistrationNumber is { } related
            && waybills.Find(related)?.ActiveInvoices.FirstOrDefault() is { } invoice
            ? new RelatedInvoice
            {
                RegistrationNumber = invoice.RegistrationNumber,
                Num = invoice.Num,
                Date = invoice.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            }
            : null;
}
