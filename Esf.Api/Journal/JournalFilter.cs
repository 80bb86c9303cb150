using System.Globalization;
using System.Text;
using Esf.Api.Rest.Invoices;
using Esf.Domain.Calendar;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Search;

namespace Esf.Api.Journal;

/// <summary>
/// The journal's filter form: the main filters of Table 30 (period, direction, sort, ASC) and the extended search of Table 31,
/// read from the query string into the same <see cref="InvoiceSearchQuery"/> the REST search takes (empty inputs mean no
/// filter). Without a period it shows the last three months, the longest period the rules allow.
/// </summary>
public static class JournalFilter
{
    private enum Kind
    {
        Date,
        Text,
        Amount,
    }

    /// <summary>The extended-search inputs, in the order of Table 31.</summary>
    private static readonly (string Name, Kind Kind)[] Extended =
    [
        ("registrationNumber", Kind.Text), ("num", Kind.Text), ("contragentTin", Kind.Text), ("consigneeTin", Kind.Text),
        ("consignorTin", Kind.Text), ("currencyCode", Kind.Text), ("sellerBik", Kind.Text), ("publicOfficeIik", Kind.Text),
        ("turnoverDateFrom", Kind.Date), ("turnoverDateTo", Kind.Date),
        ("totalWithTaxFrom", Kind.Amount), ("totalWithTaxTo", Kind.Amount), ("totalWithoutTaxFrom", Kind.Amount), ("totalWithoutTaxTo", Kind.Amount),
        ("ndsAmountFrom", Kind.Amount), ("ndsAmountTo", Kind.Amount), ("exciseAmountFrom", Kind.Amount), ("exciseAmountTo", Kind.Amount),
        ("turnoverSizeFrom", Kind.Amount), ("turnoverSizeTo", Kind.Amount),
    ];

    private static readonly string[] Statuses = ["IN_QUEUE", "CREATED", "DELIVERED", "CANCELED", "REVOKED", "DECLINED", "FAILED", "DELETED"];

    /// <summary>
    /// The query's filter; a value that does not parse is an <see cref="EsfException"/> the page shows (the dates when
    /// <see cref="InvoiceSearchQuery.ToFilter"/> reads them, in either form of ADR 0006).
    /// </summary>
    public static InvoiceSearchQuery Read(IQueryCollection query, TimeProvider clock)
    {
        string? S(string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        decimal? M(string name) => S(name) is { } text
            ? decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : throw EsfException.InvalidInput($"«{text}» is not an amount.")
            : null;
        var (from, to) = (S("dateFrom"), S("dateTo"));
        if (from is null && to is null)
        {
            var today = KazakhstanTime.Today(clock);
            (from, to) = (DayFormats.ToIso(today.AddMonths(-3).AddDays(1)), DayFormats.ToIso(today));
        }

        return new InvoiceSearchQuery(
            from, to, S("direction"), S("contragentTin"), S("turnoverDateFrom"), S("turnoverDateTo"), null, null,
            S("status") is { } status ? [status] : null, null, S("num"), S("registrationNumber"), S("currencyCode"), S("consignorTin"),
            S("consigneeTin"), S("sellerStatus"), S("customerStatus"), S("sellerBik"), S("publicOfficeIik"),
            M("totalWithTaxFrom"), M("totalWithTaxTo"), M("totalWithoutTaxFrom"), M("totalWithoutTaxTo"), M("ndsAmountFrom"), M("ndsAmountTo"),
            M("exciseAmountFrom"), M("exciseAmountTo"), M("turnoverSizeFrom"), M("turnoverSizeTo"), S("sort"), query["asc"] == "true", S("cursor"));
    }

    /// <summary>The filter form (GET: it changes nothing, so it needs no anti-forgery token) with the report's grouping.</summary>
    public static void AppendForm(StringBuilder html, JournalPage page, InvoiceSearchQuery current, IQueryCollection query)
    {
        string Value(string name) => HtmlText.Encode(query[name].ToString());
        // A date input holds ISO whatever form the query used; one that does not parse was refused before the form is drawn.
        string Date(string? text) => DayFormats.ToIso(text) ?? "";
        html.Append("<form method=\"get\" action=\"/journal\" class=\"filters\"><fieldset><legend>").Append(page.T("Filters")).Append("</legend><div class=\"grid\">");
        Input(html, page, "dateFrom", "DateFrom", "date", Date(current.DateFrom));
        Input(html, page, "dateTo", "DateTo", "date", Date(current.DateTo));
        Select(html, page, "direction", "Direction", query["direction"],
            [("", page.T("All")), ("OUTBOUND", page.T("Outbound")), ("INBOUND", page.T("Inbound"))]);
        Select(html, page, "status", "Status", query["status"],
            [("", page.T("Any")), .. Statuses.Select(s => (s, HtmlText.Encode(StatusLabels.Of(InvoiceStatusNames.Parse(s), page.Language))))]);
        Select(html, page, "sort", "Sort", query["sort"],
            [.. Enum.GetValues<InvoiceSort>().Select(s => (s.ToString(), HtmlText.Encode(JournalText.Of(s, page.Language))))]);
        html.Append("<label><input type=\"checkbox\" name=\"asc\" value=\"true\"").Append(query["asc"] == "true" ? " checked" : "")
            .Append("> ").Append(page.T("Asc")).Append("</label>");
        html.Append("</div></fieldset><fieldset><legend>").Append(page.T("Extended")).Append("</legend><div class=\"grid\">");
        Select(html, page, "sellerStatus", "SellerStatus", query["sellerStatus"],
            [("", page.T("Any")), .. JournalText.SellerCategories.Select(c => (c, HtmlText.Encode(JournalText.Category(c, page.Language))))]);
        Select(html, page, "customerStatus", "CustomerStatus", query["customerStatus"],
            [("", page.T("Any")), .. JournalText.CustomerCategories.Select(c => (c, HtmlText.Encode(JournalText.Category(c, page.Language))))]);
        foreach (var (name, kind) in Extended)
        {
            Input(html, page, name, char.ToUpperInvariant(name[0]) + name[1..], kind == Kind.Date ? "date" : "text", Value(name), kind == Kind.Amount);
        }

        html.Append("</div></fieldset><p><button type=\"submit\">").Append(page.T("Apply")).Append("</button></p></form>");
    }

    /// <summary>The report form: the current filters carried as hidden fields, and the Table 30 grouping.</summary>
    public static void AppendReportForm(StringBuilder html, JournalPage page, IQueryCollection query, string? groupBy)
    {
        html.Append("<form method=\"get\" action=\"/journal/report\"><fieldset><legend>").Append(page.T("Report")).Append("</legend>");
        foreach (var (key, values) in query.Where(q => q.Key is not ("groupBy" or "cursor" or "lang")))
        {
            foreach (var value in values)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(HtmlText.Encode(key)).Append("\" value=\"").Append(HtmlText.Encode(value)).Append("\">");
            }
        }

        html.Append("<div class=\"grid\">");
        Select(html, page, "groupBy", "GroupBy", groupBy,
            [.. Enum.GetValues<InvoiceGrouping>().Select(g => (g.ToString(), HtmlText.Encode(JournalText.Of(g, page.Language))))]);
        html.Append("</div><p><button type=\"submit\">").Append(page.T("BuildReport")).Append("</button></p></fieldset></form>");
    }

    private static void Input(StringBuilder html, JournalPage page, string name, string labelKey, string type, string value, bool amount = false) =>
        html.Append("<label>").Append(page.T(labelKey)).Append("<input type=\"").Append(type).Append("\" name=\"").Append(name).Append("\" value=\"")
            .Append(value).Append('"').Append(amount ? " inputmode=\"decimal\"" : "").Append("></label>");

    private static void Select(StringBuilder html, JournalPage page, string name, string labelKey, string? selected, IEnumerable<(string Value, string Text)> options)
    {
        html.Append("<label>").Append(page.T(labelKey)).Append("<select name=\"").Append(name).Append("\">");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(HtmlText.Encode(value)).Append('"').Append(value == (selected ?? "") ? " selected" : "")
                .Append('>').Append(text).Append("</option>");
        }

        html.Append("</select></label>");
    }
}
