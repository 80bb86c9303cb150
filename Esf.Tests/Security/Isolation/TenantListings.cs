using System.Text;
using System.Text.Json;
using System.Net.Http.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Webhooks;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// Every operation that lists invoices or their changes, on both APIs. The list matrix proves for each that another
/// enterprise's invoice never appears in the attacker's answer while it does appear in its owner's.
/// </summary>
public static class TenantListings
{
    private static string Period => $"dateFrom={TenantListing.IsoToday}&dateTo={TenantListing.IsoToday}";

    public static IEnumerable<TenantListing> All =>
    [
        TenantListing.Soap("queryInvoiceRequest", session =>
            $"<esf:queryInvoiceRequest><sessionId>{session}</sessionId><criteria><direction>OUTBOUND</direction>"
            + $"<dateFrom>{TenantListing.IsoToday}T00:00:00+05:00</dateFrom><dateTo>{TenantListing.IsoToday}T23:59:59+05:00</dateTo>"
            + "<asc>true</asc></criteria></esf:queryInvoiceRequest>"),
        TenantListing.Soap("queryUpdatesRequest", session =>
            $"<esf:queryUpdatesRequest><sessionId>{session}</sessionId><lastEventDate>{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}</lastEventDate>"
            + "<direction>OUTBOUND</direction><limit>100</limit><fullInfoOnStatusChange>true</fullInfoOnStatusChange></esf:queryUpdatesRequest>"),
        TenantListing.Rest($"api/v1/invoices?{Period}"),
        TenantListing.Rest($"api/v1/invoices?{Period}&format=xml", (owner, invoice) => [$"<id>{invoice.Id}</id>", owner.Tenant.SellerTin]),
        TenantListing.Rest("api/v1/updates?limit=100", TenantListing.JsonId("invoiceId")),
        TenantListing.Rest("api/v1/updates?limit=100&kinds=INVOICE,WAYBILL,MOVEMENT", TenantListing.JsonId("invoiceId")),
        TenantListing.Custom("REST GET api/v1/updates/stream (Server-Sent Events)", ReadStreamAsync, TenantListing.JsonId("invoiceId")),
        TenantListing.Rest($"api/v1/exports?format=xml&{Period}", TenantListing.NumAs("<num>{0}</num>")),
        TenantListing.Rest($"api/v1/exports?format=jsonl&{Period}", TenantListing.NumAs("\"num\":\"{0}\"")),
        TenantListing.Rest($"api/v1/exports?format=csv&{Period}", TenantListing.NumAs(",{0},")),
        TenantListing.Rest($"api/v1/reports?groupBy=contragent&format=json&{Period}", (owner, _) => [owner.Tenant.CustomerTin]),
        TenantListing.Rest($"api/v1/reports?groupBy=author&format=csv&{Period}", (owner, _) => [owner.Tenant.UserIin]),
        TenantListing.Custom("REST webhooks (POST api/v1/webhooks fromCursor=0, deliveries)", ReadWebhookAsync, TenantListing.JsonId("invoiceId")),
    ];

    /// <summary>
    /// The caller's first two events (its one invoice: IN_QUEUE, CREATED). The owner's invoice was registered
    /// first, so a stream that leaked it would show it among these.
    /// </summary>
    private static async Task<string> ReadStreamAsync(Caller caller)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await caller.Http.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new StringBuilder($"{(int)response.StatusCode}");
        for (var seen = 0; seen < 2 && await reader.ReadLineAsync(cancel.Token) is { } line;)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.AppendLine(line);
                seen++;
            }
        }

        return events.ToString();
    }

    /// <summary>
    /// Subscribes a receiver of the caller's from the start of the feed, waits for its two changes (owner's first, as above),
    /// and answers what was pushed plus the delivery log; then unsubscribes.
    /// </summary>
    private static async Task<string> ReadWebhookAsync(Caller caller)
    {
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var created = await caller.Http.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = "isolation-matrix-secret", fromCursor = "0" });
        var subscription = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await Poller.UntilAsync(() => Task.FromResult(receiver.Requests.Count), count => count >= 2, "two changes pushed");
        var log = await caller.Http.GetStringAsync($"api/v1/webhooks/{subscription}/deliveries");
        using var deleted = await caller.Http.DeleteAsync($"api/v1/webhooks/{subscription}");
        return $"{(int)created.StatusCode} {string.Join("\n", receiver.Requests.Select(r => Encoding.UTF8.GetString(r.Body)))}\n{log}";
    }
}
