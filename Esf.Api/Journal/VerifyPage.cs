using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Esf.Domain.Calendar;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Printing;

namespace Esf.Api.Journal;

/// <summary>
/// GET /verify/{registrationNumber}?h=…: public, no login, rate-limited per address. Says whether the number is registered
/// and, if so, only its status, the seller's and customer's ИИН/БИН, the date, the total and the hash of the signed body;
/// with <c>h</c> (the QR code's link) it says plainly whether the paper's hash matches. JSON for <c>Accept: application/json</c>.
/// </summary>
public static class VerifyPage
{
    public const string BasePath = "/verify";

    public static async Task ShowAsync(HttpContext http, string registrationNumber, string? h, InvoiceVerifier verifier)
    {
        var found = await verifier.FindAsync(registrationNumber.Trim(), http.RequestAborted);
        bool? matches = found is null || string.IsNullOrEmpty(h) ? null : SameHash(found.Hash, h);
        if (http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.StatusCode = found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            await http.Response.WriteAsJsonAsync(new
            {
                registered = found is not null,
                registrationNumber,
                status = found?.Status.ToWire(),
                sellerTin = found?.SellerTin,
                customerTin = found?.CustomerTin,
                date = DayFormats.ToIso(found?.Date),
                total = found?.Total,
                hash = found?.Hash,
                hashMatches = matches,
            }, http.RequestAborted);
            return;
        }

        var page = new JournalPage(http);
        var html = new StringBuilder();
        if (found is null)
        {
            html.Append("<div class=\"error\" role=\"alert\">").Append(page.T("Unknown")).Append(' ').Append(HtmlText.Encode(registrationNumber)).Append("</div>");
            await page.WriteAsync(JournalText.Get("VerifyTitle", page.Language), null, html, StatusCodes.Status404NotFound);
            return;
        }

        html.Append("<div class=\"ok\" role=\"status\">").Append(page.T("Registered")).Append("</div>");
        if (matches is { } same)
        {
            html.Append(same ? "<div class=\"ok\" role=\"status\">" : "<div class=\"error\" role=\"alert\">").Append(page.T(same ? "HashMatches" : "HashMismatch")).Append("</div>");
        }

        html.Append("<table><tbody>");
        Row(html, page.T("RegistrationNumber"), found.RegistrationNumber);
        Row(html, page.T("Status"), $"{StatusLabels.Of(found.Status, page.Language)} ({found.Status.ToWire()})");
        Row(html, page.T("SellerTin"), found.SellerTin);
        Row(html, page.T("CustomerTin"), found.CustomerTin);
        Row(html, page.T("Date"), found.Date);
        Row(html, page.T("Total"), found.Total.ToString(CultureInfo.InvariantCulture));
        Row(html, page.T("Hash"), found.Hash);
        html.Append("</tbody></table>");
        await page.WriteAsync(JournalText.Get("VerifyTitle", page.Language), null, html);
    }

    private static bool SameHash(string stored, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.ToLowerInvariant()), Encoding.ASCII.GetBytes(given.Trim().ToLowerInvariant()));

    private static void Row(StringBuilder html, string label, string? value) =>
        html.Append("<tr><th scope=\"row\">").Append(label).Append("</th><td>").Append(HtmlText.Encode(value)).Append("</td></tr>");
}
