namespace Esf.Infrastructure.Search;

/// <summary>The sorts of Table 30 (spec-rest §3.7.1) the stored invoice can answer; ties are broken by invoice id.</summary>
public enum InvoiceSort
{
    Date,
    RegistrationNumber,
    Num,
    SellerTin,
    SellerName,
    CustomerTin,
    CustomerName,
    Status,
    TurnoverDate,
    LastUpdateDate,
    CancelReason,
    TotalPriceWithTax,
}
