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

    /// <summary>
    /// <see cref="Sql"/> split by party: the union of these conditions is <see cref="Sql"/>, and each is served by its own
    /// <c>(party, invoice_date, invoice_id)</c> index, so a keyset page reads a few index entries per party instead of
    /// every row the OR matches (see <see cref="Search.InvoiceSearch"/>).
    /// </summary>
    public static IReadOnlyList<string> PerParty(InvoiceDirection? direction)
    {
        string Party(string column) => $"{InvoiceVisibility.Predicate} AND i.{column} = @Tin";
        return direction switch
        {
            InvoiceDirection.Inbound => [Party("customer_tin")],
            InvoiceDirection.Outbound => [Party("seller_tin"), Party("sender_tin")],
            _ => [Party("seller_tin"), Party("customer_tin"), Party("sender_tin")],
        };
    }

    public static InvoiceDirection Parse(string wire) => wire switch
    {
        "INBOUND" => InvoiceDirection.Inbound,
        "OUTBOUND" => InvoiceDirection.Outbound,
        _ => throw Errors.EsfException.InvalidInput($"direction must be INBOUND or OUTBOUND, not «{wire}»."),
    };
}
