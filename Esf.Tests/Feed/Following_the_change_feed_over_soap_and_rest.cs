using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Feed;

/// <summary>queryUpdates and GET /api/v1/updates (page and Server-Sent Events) on the wire, for both sides of an invoice.</summary>
[TestFixture]
public sealed class Following_the_change_feed_over_soap_and_rest
{
    private static GatewayFixture Fixture => FeedGateway.Fixture;

    [Test]
    public async Task Should_answer_queryUpdates_once_per_change_and_resume_from_the_returned_pair()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var soap = new RawSoapClient(Fixture.CreateClient());
        var id = await parties.RegisterAsync();

        // Act
        var first = await QueryUpdatesAsync(soap, parties.SellerSession.SessionId, "2000-01-01T00:00:00.000+05:00", null);
        var again = await QueryUpdatesAsync(soap, parties.SellerSession.SessionId, first.Element("lastEventDate")!, first.Element("lastInvoiceId"));
        await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, id);
        var afterConfirm = await QueryUpdatesAsync(soap, parties.SellerSession.SessionId, first.Element("lastEventDate")!, first.Element("lastInvoiceId"));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.ToString());
            Assert.That((first.Elements("invoiceId"), first.Elements("invoiceStatus"), first.Element("lastBlock")),
                Is.EqualTo((new[] { $"{id}" }, new[] { "CREATED" }, "true")));
            Assert.That((again.Elements("invoiceId"), again.Element("lastBlock")), Is.EqualTo((Array.Empty<string>(), "true")));
            Assert.That((afterConfirm.Elements("invoiceId"), afterConfirm.Elements("invoiceStatus"), afterConfirm.Element("invoiceBody")),
                Is.EqualTo((new[] { $"{id}" }, new[] { "DELIVERED" }, "")), "a status change without fullInfoOnStatusChange has no body");
        }
    }

    [Test]
    public async Task Should_page_the_rest_feed_by_cursor_and_stream_it_as_server_sent_events()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, id);
        using var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.Customer.SessionId);

        // Act
        var page1 = await GetJsonAsync(http, "api/v1/updates?limit=2");
        var page2 = await GetJsonAsync(http, $"api/v1/updates?limit=2&cursor={page1.GetProperty("cursor").GetString()}");
        var streamed = await ReadEventsAsync(http, "api/v1/updates/stream", 3);

        // Assert
        var statuses = page1.GetProperty("events").EnumerateArray().Concat(page2.GetProperty("events").EnumerateArray())
            .Select(e => e.GetProperty("status").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { "IN_QUEUE", "CREATED", "DELIVERED" }));
            Assert.That(page1.GetProperty("hasMore").GetBoolean(), Is.True);
            Assert.That(page2.GetProperty("hasMore").GetBoolean(), Is.False);
            Assert.That(streamed.Select(e => e.GetProperty("status").GetString()), Is.EqualTo(statuses));
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> ReadEventsAsync(HttpClient http, string url, int count)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<JsonElement>();
        while (events.Count < count && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }

        return events;
    }

    private static Task<SoapReply> QueryUpdatesAsync(RawSoapClient soap, string sessionId, string lastEventDate, string? lastInvoiceId) =>
        soap.PostAsync("InvoiceService", Envelopes.Envelope(
            $"<esf:queryUpdatesRequest><sessionId>{sessionId}</sessionId><lastEventDate>{lastEventDate}</lastEventDate>"
            + (lastInvoiceId is null ? "" : $"<lastInvoiceId>{lastInvoiceId}</lastInvoiceId>")
            + "<direction>OUTBOUND</direction><limit>10</limit><fullInfoOnStatusChange>false</fullInfoOnStatusChange></esf:queryUpdatesRequest>"));
}
