using Esf.Infrastructure.Invoices;

namespace Esf.Infrastructure.Feed;

/// <summary>The SQL condition (alias <c>i</c>, parameter <c>@Tin</c>) for a direction, always inside the tenant predicate.</summary>
public static class DirectionFilter
{
    public static string Sql(InvoiceDirection? direction) => direction switch
    {
        InvoiceDirection.Inbound => $"{InvoiceVisibility.Predicate} AND i.customer_tin = @Tin",
        InvoiceDirection.Outbound => $"{InvoiceVisibility.Predicate} AND (i.seller_tin = @Tin OR i.sender_tin = @Tin)",
        _ => InvoiceVisibility.Predicate,
    };

    public static InvoiceDirection Parse(string wire) => wire switch
    {
        "INBOUND" => InvoiceDirection.Inbound,
        "OUTBOUND" => InvoiceDirection.Outbound,
        _ => throw Errors.EsfException.Business($"direction must be INBOUND or OUTBOUND, not «{wire}».", "FIELD_INVALID"),
    };
}
