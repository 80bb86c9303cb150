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
        InvoiceSort.SellerName => ($"coalesce({BodyXPath.Text("sellers/seller/name")}, '')", "text"),
        InvoiceSort.CustomerTin => ("coalesce(i.customer_tin, '')", "text"),
        InvoiceSort.CustomerName => ($"coalesce({BodyXPath.Text("customers/customer/name")}, '')", "text"),
        InvoiceSort.Status => ("i.status", "text"),
        InvoiceSort.TurnoverDate => ("coalesce(i.turnover_date, DATE '0001-01-01')", "date"),
        InvoiceSort.LastUpdateDate => ("i.last_update_date", "timestamptz"),
        InvoiceSort.CancelReason => ("coalesce(i.cancel_reason, '')", "text"),
        InvoiceSort.TotalPriceWithTax => (BodyXPath.Number("productSet/totalPriceWithTax"), "numeric"),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };
}
