namespace Esf.Infrastructure.Search;

/// <summary>
/// The SQL of each sort: a never-null expression (so row comparisons work for keyset paging) and its PostgreSQL type, which
/// a cursor's key is cast back to.
/// </summary>
internal static class InvoiceSortSql
{
    public static (string Expression, string Type) Of(InvoiceSort sort) => sort switch
    {
        InvoiceSort.Date => ("i.invoice_date", "date"),
        InvoiceSort.RegistrationNumber => ("coalesce(i.registration_number, '')", "text"),
        InvoiceSort.Num => ("i.num", "text"),
        InvoiceSort.SellerTin => ("i.seller_tin", "text"),
        InvoiceSort.SellerName => (BodyText("sellers/seller/name"), "text"),
        InvoiceSort.CustomerTin => ("coalesce(i.customer_tin, '')", "text"),
        InvoiceSort.CustomerName => (BodyText("customers/customer/name"), "text"),
        InvoiceSort.Status => ("i.status", "text"),
        InvoiceSort.TurnoverDate => ("coalesce(i.turnover_date, DATE '0001-01-01')", "date"),
        InvoiceSort.LastUpdateDate => ("i.last_update_date", "timestamptz"),
        InvoiceSort.CancelReason => ("coalesce(i.cancel_reason, '')", "text"),
        InvoiceSort.TotalPriceWithTax => (BodyXPath.Number("productSet/totalPriceWithTax"), "numeric"),
        InvoiceSort.SellerStatus => (BodyText("sellers/seller/statuses/status"), "text"),
        InvoiceSort.SellerBik => (BodyText("sellers/seller/bik"), "text"),
        InvoiceSort.CustomerStatus => (BodyText("customers/customer/statuses/status"), "text"),
        InvoiceSort.ConsignorName => (BodyText("consignor/name"), "text"),
        InvoiceSort.ConsignorTin => (BodyText("consignor/tin"), "text"),
        InvoiceSort.ConsigneeName => (BodyText("consignee/name"), "text"),
        InvoiceSort.ConsigneeTin => (BodyText("consignee/tin"), "text"),
        InvoiceSort.Iik => (BodyText("publicOffice/iik"), "text"),
        InvoiceSort.ProductCode => (BodyText("publicOffice/productCode"), "text"),
        InvoiceSort.PayPurpose => (BodyText("publicOffice/payPurpose"), "text"),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    /// <summary>The first value of a body field, '' when absent (several statuses sort by the first).</summary>
    private static string BodyText(string path) => $"coalesce({BodyXPath.Text(path)}, '')";
}
