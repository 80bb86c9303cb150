using System.Globalization;
using Esf.Domain.Invoices.Document;

namespace Esf.Domain.Procurement;

/// <summary>
/// The fields transferred from an ЭГЗ act or contract that the invoice may not change (spec-rest §3.2–3.3): the parties, the
/// contract, and each line's description and unit; from an act the quantity (G6), price (G7) and cost (G14) too, from a
/// contract those three stay editable.
/// </summary>
public static class LockedFields
{
    /// <summary>The paths of the invoice that differ from what the document transferred.</summary>
    public static IEnumerable<string> Changed(InvoiceBody body, ProcurementDocument source, bool amountsLocked)
    {
        if (body.Sellers.FirstOrDefault()?.Tin != source.SupplierTin)
        {
            yield return "sellers.seller[0].tin";
        }

        if (body.Customers.FirstOrDefault()?.Tin != source.CustomerTin)
        {
            yield return "customers.customer[0].tin";
        }

        if (body.DeliveryTerm?.ContractNum != source.ContractNumber
            || body.DeliveryTerm?.ContractDate != source.ContractDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))
        {
            yield return "deliveryTerm";
        }

        var products = body.ProductSet.Products;
        if (products.Count != source.Items.Count)
        {
            yield return "productSet.products";
            yield break;
        }

        for (var i = 0; i < products.Count; i++)
        {
            var (product, item) = (products[i], source.Items[i]);
            if (product.Description != item.Description || product.UnitCode != item.UnitCode)
            {
                yield return $"productSet.products.product[{i}].description";
            }

            if (amountsLocked && (product.Quantity != item.Quantity || product.PriceWithoutTax != item.PriceWithoutTax || product.PriceWithTax != item.PriceWithTax))
            {
                yield return $"productSet.products.product[{i}]";
            }
        }
    }
}
