using Esf.Domain.Employees;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Sessions;

namespace Esf.Infrastructure.Search;

/// <summary>Turns an <see cref="InvoiceFilter"/> into a WHERE clause over <c>invoices i</c>, always inside the tenant predicate.</summary>
internal static class InvoiceFilterSql
{
    public static (string Where, DynamicParameters Parameters) Build(SessionContext session, InvoiceFilter filter)
    {
        var (conditions, parameters) = FilterConditions(session, filter);
        return (string.Join(" AND ", [DirectionFilter.Sql(filter.Direction), .. conditions]), parameters);
    }

    /// <summary>The same filter as one WHERE clause per party (<see cref="DirectionFilter.PerParty"/>); their union is <see cref="Build"/>'s.</summary>
    public static (IReadOnlyList<string> Wheres, DynamicParameters Parameters) BuildPerParty(SessionContext session, InvoiceFilter filter)
    {
        var (conditions, parameters) = FilterConditions(session, filter);
        return ([.. DirectionFilter.PerParty(filter.Direction).Select(party => string.Join(" AND ", [party, .. conditions]))], parameters);
    }

    private static (List<string> Conditions, DynamicParameters Parameters) FilterConditions(SessionContext session, InvoiceFilter filter)
    {
        // Every search, report and export of invoices starts here: reading them is «просмотр» (ADR 0037).
        session.Demand(EmployeeRight.View);
        var conditions = new List<string>();
        var parameters = new DynamicParameters(new { session.Tin });

        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                parameters.Add(name, value);
            }
        }

        Add("(CASE WHEN i.customer_tin = @Tin THEN i.seller_tin ELSE i.customer_tin END) = @Contragent", "Contragent", filter.ContragentTin);
        Add("i.invoice_date >= @DateFrom", "DateFrom", ToDate(filter.DateFrom));
        Add("i.invoice_date <= @DateTo", "DateTo", ToDate(filter.DateTo));
        Add("i.turnover_date >= @TurnoverFrom", "TurnoverFrom", ToDate(filter.TurnoverDateFrom));
        Add("i.turnover_date <= @TurnoverTo", "TurnoverTo", ToDate(filter.TurnoverDateTo));
        Add("i.last_update_date >= @UpdatedFrom", "UpdatedFrom", filter.LastUpdateDateFrom?.ToUniversalTime());
        Add("i.last_update_date <= @UpdatedTo", "UpdatedTo", filter.LastUpdateDateTo?.ToUniversalTime());
        Add("i.status = ANY(@Statuses)", "Statuses", filter.Statuses.Count == 0 ? null : filter.Statuses.Select(s => s.ToWire()).ToArray());
        Add("i.invoice_type = @Type", "Type", filter.InvoiceType is { } type ? InvoiceTypeNames.ToWire(type) : null);
        Add("i.num = @Num", "Num", filter.Num);
        Add("i.registration_number = @RegistrationNumber", "RegistrationNumber", filter.RegistrationNumber);
        if (filter.RegisteredOnly)
        {
            conditions.Add("i.registration_number IS NOT NULL");
        }

        Add($"{BodyXPath.Text("productSet/currencyCode")} = @Currency", "Currency", filter.CurrencyCode);
        Add($"@ConsignorTin = ANY({BodyXPath.AnyText("consignor/tin")})", "ConsignorTin", filter.ConsignorTin);
        Add($"@ConsigneeTin = ANY({BodyXPath.AnyText("consignee/tin")})", "ConsigneeTin", filter.ConsigneeTin);
        Add($"@SellerStatus = ANY({BodyXPath.AnyText("sellers/seller/statuses/status")})", "SellerStatus", filter.SellerStatus);
        Add($"@CustomerStatus = ANY({BodyXPath.AnyText("customers/customer/statuses/status")})", "CustomerStatus", filter.CustomerStatus);
        Add($"@SellerBik = ANY({BodyXPath.AnyText("sellers/seller/bik")})", "SellerBik", filter.SellerBik);
        Add($"{BodyXPath.Text("publicOffice/iik")} = @PublicOfficeIik", "PublicOfficeIik", filter.PublicOfficeIik);
        Range(Add, "productSet/totalPriceWithTax", "WithTax", filter.TotalWithTaxFrom, filter.TotalWithTaxTo);
        Range(Add, "productSet/totalPriceWithoutTax", "WithoutTax", filter.TotalWithoutTaxFrom, filter.TotalWithoutTaxTo);
        Range(Add, "productSet/totalNdsAmount", "Nds", filter.NdsAmountFrom, filter.NdsAmountTo);
        Range(Add, "productSet/totalExciseAmount", "Excise", filter.ExciseAmountFrom, filter.ExciseAmountTo);
        Range(Add, "productSet/totalTurnoverSize", "Turnover", filter.TurnoverSizeFrom, filter.TurnoverSizeTo);
        return (conditions, parameters);
    }

    private static void Range(Action<string, string, object?> add, string path, string name, decimal? from, decimal? to)
    {
        add($"{BodyXPath.Number(path)} >= @{name}From", name + "From", from);
        add($"{BodyXPath.Number(path)} <= @{name}To", name + "To", to);
    }

    private static DateTime? ToDate(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
