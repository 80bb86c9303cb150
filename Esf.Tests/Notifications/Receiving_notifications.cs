using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure;
using Esf.Infrastructure.Notifications;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Webhooks;
using Esf.Tests.GovernmentSystems;
using Esf.Tests.Infrastructure;
using Esf.Tests.Webhooks;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Notifications;

/// <summary>
/// The inbox of notifications between participants (Rules p.18.2, ADR 0036): what reaches whom, over REST, the webhooks and
/// the stream, marked read, never seen by another enterprise.
/// </summary>
[TestFixture]
public sealed class Receiving_notifications
{
    private const string Secret = "a-secret-of-the-receiver";

    private static GatewayFixture Fixture => NotificationGateway.Fixture;

    [Test]
    public async Task Should_bring_an_inbound_invoice_to_the_counterpartys_inbox_and_webhook()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var customer = Client(parties.Customer);
        using var seller = Client(parties.Seller);
        using var subscribed = await customer.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = Secret, events = new[] { "NOTIFICATION" } });

        // Act
        var invoice = await parties.RegisterAsync();
        var pushed = await Poller.UntilAsync(() => Task.FromResult(Pushed(receiver)), p => p.Count >= 1, "the notification pushed to the webhook");
        var inbox = await JsonAsync(await customer.GetAsync("api/v1/notifications"));
        var sellers = await JsonAsync(await seller.GetAsync("api/v1/notifications"));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await subscribed.Content.ReadAsStringAsync());
            var inbound = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("documentId").GetInt64() == invoice);
            Assert.That((inbound.GetProperty("kind").GetString(), inbound.GetProperty("documentType").GetString(), inbound.GetProperty("read").GetBoolean()),
                Is.EqualTo((NotificationKinds.InboundInvoice, "INVOICE", false)));
            Assert.That(inbound.GetProperty("message").GetString(), Does.StartWith("Поступил ЭСФ").And.Contain(parties.Seller.Tin));
            Assert.That(inbox.GetProperty("unreadCount").GetInt32(), Is.EqualTo(1));
            Assert.That(sellers.GetProperty("items").GetArrayLength(), Is.Zero, "the supplier is not told of its own invoice");
            Assert.That(pushed.Select(p => (p.GetProperty("event").GetString(), p.GetProperty("kind").GetString(), p.GetProperty("documentId").GetInt64())),
                Is.EqualTo(new[] { ("notification", NotificationKinds.InboundInvoice, invoice) }), "only the notification, not the status changes");
            Assert.That(receiver.Requests.All(r => WebhookSignature.Verify(Secret, r.Body, r.Signature)), Is.True, "signed like every delivery");
        }
    }

    [Test]
    public async Task Should_tell_the_recipient_of_a_revocation_and_each_party_of_an_isgo_request()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        var revoked = await parties.RegisterAsync();
        var sent = await parties.RegisterAsync();

        // Act
        await parties.Flow.ChangeAsync(parties.Seller, LifecycleOperation.Revoke, revoked, "ошибка в сумме");
        var requestId = await parties.InitiateAsync(parties.Seller, sent);
        await parties.DeclineAsync(parties.Customer, requestId, "не согласны");

        // Assert
        var customers = await InboxAsync(parties.Customer);
        var sellers = await InboxAsync(parties.Seller);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(customers.Select(n => (n.Kind, n.DocumentId)), Is.EquivalentTo(new[]
            {
                (NotificationKinds.InboundInvoice, revoked), (NotificationKinds.InboundInvoice, sent), (NotificationKinds.InvoiceRevoked, revoked),
                (NotificationKinds.IsgoRequestToConfirm, requestId),
            }), "the request gives the invoice back, which is not a new inbound invoice");
            Assert.That(customers.Single(n => n.Kind == NotificationKinds.InvoiceRevoked).Message, Does.EndWith(": ошибка в сумме"));
            Assert.That(sellers.Select(n => (n.Kind, n.DocumentId, n.Message)), Is.EqualTo(new[]
            {
                (NotificationKinds.IsgoRequestDeclined, requestId, $"Контрагент отклонил запрос ИС ГО {requestId}: не согласны"),
            }));
        }
    }

    [Test]
    public async Task Should_mark_read_once_and_refuse_another_enterprises_notification()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        using var stranger = await IsgoParties.StartAsync(Fixture);
        await parties.RegisterAsync();
        var id = (await InboxAsync(parties.Customer)).Single().Id;
        using var customer = Client(parties.Customer);
        using var other = Client(stranger.Customer);

        // Act
        using var byStranger = await other.PostAsync($"api/v1/notifications/{id}/read", null);
        var unreadBefore = await JsonAsync(await customer.GetAsync("api/v1/notifications/unread-count"));
        using var first = await customer.PostAsync($"api/v1/notifications/{id}/read", null);
        var readAt = (await InboxAsync(parties.Customer)).Single().ReadAt;
        using var again = await customer.PostAsync($"api/v1/notifications/{id}/read", null);
        var unreadOnly = await JsonAsync(await customer.GetAsync("api/v1/notifications?unreadOnly=true"));
        var strangers = await JsonAsync(await other.GetAsync("api/v1/notifications"));
        using var badLimit = await customer.GetAsync("api/v1/notifications?limit=0");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byStranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unreadBefore.GetProperty("unreadCount").GetInt32(), Is.EqualTo(1), "the stranger's attempt changed nothing");
            Assert.That((first.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
            Assert.That((await InboxAsync(parties.Customer)).Single().ReadAt, Is.EqualTo(readAt).And.Not.Null, "reading again keeps the first time");
            Assert.That((unreadOnly.GetProperty("items").GetArrayLength(), unreadOnly.GetProperty("unreadCount").GetInt32()), Is.EqualTo((0, 0)));
            Assert.That(strangers.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(badLimit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
    }

    [Test]
    public async Task Should_page_the_inbox_newest_first()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        var first = await parties.RegisterAsync();
        var second = await parties.RegisterAsync();
        using var customer = Client(parties.Customer);

        // Act
        var page = await JsonAsync(await customer.GetAsync("api/v1/notifications?limit=1"));
        var next = await JsonAsync(await customer.GetAsync($"api/v1/notifications?limit=1&before={page.GetProperty("nextBefore").GetInt64()}"));

        // Assert
        Assert.That(page.GetProperty("items")[0].GetProperty("documentId").GetInt64(), Is.EqualTo(second));
        Assert.That(next.GetProperty("items")[0].GetProperty("documentId").GetInt64(), Is.EqualTo(first));
        Assert.That(next.GetProperty("nextBefore").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Should_stream_a_new_notification_as_a_server_sent_event()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        using var customer = Client(parties.Customer);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await customer.GetAsync("api/v1/notifications/stream", HttpCompletionOption.ResponseHeadersRead, guard.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));

        // Act
        var invoice = await parties.RegisterAsync();
        string? line;
        var lines = new List<string>();
        while ((line = await reader.ReadLineAsync(guard.Token)) is not null && !line.StartsWith("data:", StringComparison.Ordinal))
        {
            lines.Add(line);
        }

        // Assert
        var data = JsonDocument.Parse(line!["data:".Length..]).RootElement;
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(lines, Does.Contain("event: notification"));
        Assert.That(lines.Single(l => l.StartsWith("id: ", StringComparison.Ordinal)), Is.EqualTo($"id: {data.GetProperty("cursor").GetString()}"));
        Assert.That((data.GetProperty("kind").GetString(), data.GetProperty("documentId").GetInt64()), Is.EqualTo((NotificationKinds.InboundInvoice, invoice)));
    }

    [Test]
    public async Task Should_remind_the_recipient_the_day_before_its_decline_window_closes_on_its_own_clock_once()
    {
        // Arrange: a corrected invoice opens the recipient's 10-day decline window.
        using var parties = await IsgoParties.StartAsync(Fixture);
        var original = await parties.Flow.ReadAsync(await parties.RegisterAsync());
        var corrected = await parties.Flow.RegisterAsync(TestInvoices.Linked(
            TestInvoices.Build(parties.Flow.Seller.Tenant), "FIXED_INVOICE", original.Num, original.DateText, original.RegistrationNumber));

        // Act
        await RunRemindersAsync(parties.Customer.Tin, TimeSpan.Zero);
        var early = await InboxAsync(parties.Customer);
        await RunRemindersAsync(parties.Customer.Tin, TimeSpan.FromDays(DocumentFlowWindows.CalendarDays - 1), passes: 2);

        // Assert
        var reminders = (await InboxAsync(parties.Customer)).Where(n => n.Kind == NotificationKinds.DeclineDeadline).ToList();
        Assert.That(early.Where(n => n.Kind == NotificationKinds.DeclineDeadline), Is.Empty, "nine days before, nothing is due");
        Assert.That(reminders.Select(n => n.DocumentId), Is.EqualTo(new[] { corrected }), "once, for the corrected invoice only");
        Assert.That(reminders[0].Message, Does.StartWith("Завтра истекает срок отклонения ЭСФ"));
        Assert.That((await InboxAsync(parties.Seller)).Where(n => n.Kind == NotificationKinds.DeclineDeadline), Is.Empty);
    }

    [Test]
    public async Task Should_tell_the_supplier_of_a_decline_and_send_no_reminder_for_a_declined_invoice()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        var original = await parties.Flow.ReadAsync(await parties.RegisterAsync());
        var corrected = await parties.Flow.RegisterAsync(TestInvoices.Linked(
            TestInvoices.Build(parties.Flow.Seller.Tenant), "FIXED_INVOICE", original.Num, original.DateText, original.RegistrationNumber));

        // Act
        await parties.Flow.ChangeAsync(parties.Customer, LifecycleOperation.Decline, corrected, "неверная цена");
        await RunRemindersAsync(parties.Customer.Tin, TimeSpan.FromDays(DocumentFlowWindows.CalendarDays - 1));

        // Assert
        var sellers = await InboxAsync(parties.Seller);
        Assert.That(sellers.Select(n => (n.Kind, n.DocumentId, n.Message)), Is.EqualTo(new[]
        {
            (NotificationKinds.InvoiceDeclined, corrected, $"Получатель отклонил ЭСФ {(await parties.Flow.ReadAsync(corrected)).RegistrationNumber}: неверная цена"),
        }));
        Assert.That((await InboxAsync(parties.Customer)).Where(n => n.Kind == NotificationKinds.DeclineDeadline), Is.Empty,
            "a declined invoice no longer waits for a decline");
    }

    [Test]
    public async Task Should_tell_of_waybill_declines_and_revocations_and_remind_the_seller_the_day_before_the_correction_window_closes()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        var declined = await parties.IssueOnWaybillAsync(await parties.RegisterAsync(), WaybillStatus.Delivered);
        var revoked = await parties.IssueOnWaybillAsync(await parties.RegisterAsync());

        // Act
        var declineRefused = await parties.ChangeWaybillAsync(parties.Customer, WaybillOperation.Decline, declined, "товар не поступил");
        var revokeRefused = await parties.RevokeWaybillAsync(revoked);
        await RunRemindersAsync(parties.Seller.Tin, TimeSpan.Zero);
        var early = await InboxAsync(parties.Seller);
        await RunRemindersAsync(parties.Seller.Tin, await DaysUntilReminderAsync(declined) * TimeSpan.FromDays(1));

        // Assert
        var sellers = await InboxAsync(parties.Seller);
        var customers = await InboxAsync(parties.Customer);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((declineRefused, revokeRefused), Is.EqualTo(((string?)null, (string?)null)));
            Assert.That(early.Select(n => (n.Kind, n.DocumentId)), Is.EqualTo(new[] { (NotificationKinds.WaybillDeclined, declined) }));
            Assert.That(early[0].Message, Does.EndWith(": товар не поступил"));
            Assert.That(sellers.Select(n => (n.Kind, n.DocumentId)), Is.EqualTo(new[]
            {
                (NotificationKinds.WaybillCorrectionDeadline, declined), (NotificationKinds.WaybillDeclined, declined),
            }));
            Assert.That(customers.Where(n => n.DocumentType == "WAYBILL").Select(n => (n.Kind, n.DocumentId)),
                Is.EqualTo(new[] { (NotificationKinds.WaybillRevoked, revoked) }));
        }
    }

    [Test]
    public async Task Should_tell_the_initiator_how_the_government_side_ended_a_request()
    {
        // Arrange
        using var parties = await IsgoParties.StartAsync(Fixture);
        var requestId = await parties.DeliveredRequestAsync(await parties.RegisterAsync(delivered: true));

        // Act
        await parties.AnswerAsync(requestId, IsgoRequestStatus.IncludedInApplication);
        await parties.AnswerAsync(requestId, IsgoRequestStatus.SubsidyPaid);

        // Assert
        var outcomes = (await InboxAsync(parties.Seller)).Where(n => n.DocumentType == "ISGO_REQUEST").ToList();
        Assert.That(outcomes.Select(n => (n.Kind, n.Message)), Is.EqualTo(new[]
        {
            (NotificationKinds.IsgoRequestOutcome, $"Запрос ИС ГО {requestId}: Выплачена бюджетная субсидия"),
        }), "the intermediate steps need no action; only the end is told");
        Assert.That((await InboxAsync(parties.Customer)).Where(n => n.DocumentType == "ISGO_REQUEST").Select(n => n.Kind),
            Is.EqualTo(new[] { NotificationKinds.IsgoRequestToConfirm }));
    }

    /// <summary>Reminder passes with the enterprise's world <paramref name="ahead"/> of the gateway's clock (the sandbox's offset).</summary>
    private static async Task RunRemindersAsync(string tin, TimeSpan ahead, int passes = 1)
    {
        var clock = Fixture.Get<SandboxClock>();
        clock.Set(tin, ahead);
        try
        {
            for (var pass = 0; pass < passes; pass++)
            {
                await Fixture.Create<DeadlineReminderRunner>().RunOnceAsync(CancellationToken.None);
            }
        }
        finally
        {
            clock.Clear(tin);
        }
    }

    /// <summary>How many days from now (Kazakhstan) the reminder the waybill's decline scheduled is due (the working calendar decides).</summary>
    private static async Task<int> DaysUntilReminderAsync(long waybillId)
    {
        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var remindOn = await connection.ExecuteScalarAsync<DateTime>(
            "SELECT remind_on FROM deadline_reminders WHERE kind = @Kind AND document_id = @Id",
            new { Kind = NotificationKinds.WaybillCorrectionDeadline, Id = waybillId });
        return DateOnly.FromDateTime(remindOn).DayNumber - KazakhstanTime.Today(Fixture.Get<TimeProvider>()).DayNumber;
    }

    private static async Task<IReadOnlyList<Notification>> InboxAsync(SessionContext session) =>
        (await Fixture.Get<NotificationInbox>().ListAsync(session.Tin, null, 100, false, CancellationToken.None)).Items;

    private static List<JsonElement> Pushed(WebhookReceiver receiver) =>
        [.. receiver.Requests.Where(r => r.Answered == 200).Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())];

    private static HttpClient Client(SessionContext session)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.SessionId);
        return http;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }
}
