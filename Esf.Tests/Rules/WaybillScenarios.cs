using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;

namespace Esf.Tests.Rules;

/// <summary>
/// The waybills of the invoice-from-waybill tests: the sample as a registered primary, a corrected waybill of it (after the buyer
/// declined it), a return of two reams of paper, the main invoice issued on the primary, and the invoices Tables 28/29 give.
/// </summary>
internal static class WaybillScenarios
{
    public const string Date = "15.11.2026";
    public static readonly DateOnly Issued = new(2026, 11, 15);
    public static readonly DateOnly DeclinedOn = new(2026, 11, 13);

    public static string Number(string sellerTin, int counter) => WaybillRegistrationNumber.Create(sellerTin, new DateOnly(2026, 11, 14), counter);

    /// <summary>The main invoice issued on the primary, as the registry knows it.</summary>
    public static LinkedInvoice MainInvoice => new("ESF-123456789021-20261115-00000001", "1001", Issued, InvoiceType.OrdinaryInvoice, InvoiceStatus.Created);

    public static RelatedInvoice MainInvoiceLink => new() { Num = "1001", Date = Date };

    public static WaybillDocument Primary(Action<WaybillBody>? change = null)
    {
        var body = ValidWaybill.Create();
        change?.Invoke(body);
        return new WaybillDocument(body) { RegistrationNumber = Number(ValidBody.Seller, 1) };
    }

    /// <summary>The primary corrected: 10 reams of paper instead of 12.</summary>
    public static WaybillDocument Corrected(WaybillDocument primary, Action<WaybillBody>? change = null)
    {
        var body = ValidWaybill.Create();
        (body.Type, body.Num, body.Date) = (WaybillTypeNames.Corrected, "СНТ-501-И", Date);
        body.RelatedWaybill = new RelatedWaybill { RegistrationNumber = primary.RegistrationNumber, Date = primary.Body.Date };
        var paper = body.ProductSet.Products[0];
        (paper.Quantity, paper.PriceWithoutTax, paper.NdsAmount, paper.PriceWithTax) = (10m, 18505.00m, 2220.60m, 20725.60m);
        change?.Invoke(body);
        return new WaybillDocument(body) { RegistrationNumber = Number(ValidBody.Seller, 2) };
    }

    /// <summary>The buyer returns 2 reams of paper of the primary: the sides are swapped.</summary>
    public static WaybillDocument Return(WaybillDocument primary, Action<WaybillBody>? change = null)
    {
        var body = ValidWaybill.Create();
        (body.Type, body.Num, body.Date, body.ShippingDate) = (WaybillTypeNames.Return, "В-1", Date, Date);
        body.RelatedWaybill = new RelatedWaybill { RegistrationNumber = primary.RegistrationNumber, Date = primary.Body.Date };
        (body.Seller, body.Customer) = (body.Customer, body.Seller);
        (body.Consignor.Tin, body.Consignor.Name, body.Consignee.Tin, body.Consignee.Name) =
            (body.Consignee.Tin, body.Consignee.Name, body.Consignor.Tin, body.Consignor.Name);
        var paper = body.ProductSet.Products[0];
        (paper.Quantity, paper.PriceWithoutTax, paper.NdsAmount, paper.PriceWithTax) = (2m, 3701.00m, 444.12m, 4145.12m);
        body.ProductSet.Products = [paper];
        change?.Invoke(body);
        return new WaybillDocument(body) { RegistrationNumber = Number(ValidBody.Customer, 3) };
    }

    /// <summary>The invoice Tables 28/29 give, completed by the issuer (1.1, operator) and ready to sign.</summary>
    public static InvoiceBody Invoice(WaybillDocument waybill, RelatedInvoice? original = null)
    {
        var body = InvoicePrefill.For(waybill, Issued, original).Body;
        (body.Num, body.OperatorFullname) = ("1002", "Тестова Айгерим");
        return body;
    }

    /// <summary>Makes <paramref name="target"/> a copy of <paramref name="source"/> (the rule cases change the body they are given).</summary>
    public static void Overwrite(InvoiceBody target, InvoiceBody source)
    {
        foreach (var property in typeof(InvoiceBody).GetProperties())
        {
            property.SetValue(target, property.GetValue(source));
        }
    }
}
