namespace Esf.Infrastructure.Search;

/// <summary>
/// The 22 sorts of Table 30 (spec-rest §3.7.1); ties are broken by invoice id. ИИК, product code and payment purpose are
/// those of the state institution (section C1, fields 21–23), the only place the invoice carries them.
/// </summary>
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
    SellerStatus,
    SellerBik,
    CustomerStatus,
    ConsignorName,
    ConsignorTin,
    ConsigneeName,
    ConsigneeTin,
    Iik,
    ProductCode,
    PayPurpose,
}
