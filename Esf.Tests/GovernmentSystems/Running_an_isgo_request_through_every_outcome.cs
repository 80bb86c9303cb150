using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Waybills;
using Esf.Tests.Infrastructure;
using NUnit.Framework;
using static Esf.Domain.GovernmentSystems.IsgoRequestStatus;

namespace Esf.Tests.GovernmentSystems;

/// <summary>
/// An ИС ГО request through each of its outcomes (spec-rest §3.8.5, all ten statuses) with the request's, the invoice's and its
/// waybill's status right at every step: both blocked as SEND_TO_ISGO («Заблокирован ИС ЭСФ») while the request holds them,
/// both given back on a refusal, both blocked for good once the subsidy is paid.
/// </summary>
[TestFixture]
public sealed class Running_an_isgo_request_through_every_outcome
{
    private const InvoiceStatus Blocked = InvoiceStatus.SendToIsgo;
    private const WaybillStatus WaybillBlocked = WaybillStatus.SendToIsgo;
    private const WaybillStatus Confirmed = WaybillStatus.Confirmed;

    private static GatewayFixture Fixture => IsgoGateway.Fixture;

    /// <summary>One step of a path: what happens, then where the request, the invoice and the waybill stand.</summary>
    public sealed record Step(string Act, IsgoRequestStatus Request, InvoiceStatus Invoice, WaybillStatus Waybill)
    {
        public override string ToString() => Act;
    }

    private static IEnumerable<TestCaseData> Paths()
    {
        Step sent = new("send", SentForConfirmation, Blocked, WaybillBlocked);
        Step confirmed = new("confirm", SentToShep, Blocked, WaybillBlocked);
        Step delivered = new("DELIVERED_TO_ISGO", DeliveredToIsgo, Blocked, WaybillBlocked);
        Step included = new("INCLUDED_IN_APPLICATION", IncludedInApplication, Blocked, WaybillBlocked);
        yield return new TestCaseData((object)new[] { sent, new Step("decline", DeclinedByCounterparty, InvoiceStatus.Delivered, Confirmed) })
            .SetName("Declined by the counterparty");
        yield return new TestCaseData((object)new[] { sent, new Step("shep-refusal", NotAcceptedByShep, InvoiceStatus.Delivered, Confirmed) })
            .SetName("Not accepted by ШЭП");
        yield return new TestCaseData((object)new[]
            { sent, confirmed, delivered, new Step("NOT_INCLUDED_IN_APPLICATION", NotIncludedInApplication, InvoiceStatus.Delivered, Confirmed) })
            .SetName("Not included in the application");
        yield return new TestCaseData((object)new[]
            { sent, confirmed, delivered, included, new Step("SUPPORT_REFUSED", SupportRefused, InvoiceStatus.Delivered, Confirmed) })
            .SetName("Support refused");
        yield return new TestCaseData((object)new[] { sent, confirmed, delivered, included, new Step("SUBSIDY_PAID", SubsidyPaid, Blocked, WaybillBlocked) })
            .SetName("Subsidy paid");
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Should_set_the_request_invoice_and_waybill_statuses_at_every_step(Step[] path)
    {
        // Arrange: an invoice the customer confirmed, issued on a waybill it confirmed.
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync(delivered: true);
        var waybill = await parties.IssueOnWaybillAsync(invoice);
        long requestId = 0;
        var seen = new List<Step>();

        // Act
        foreach (var step in path)
        {
            requestId = await ActAsync(parties, step.Act, invoice, requestId);
            seen.Add(new Step(step.Act, (await parties.ReadAsync(requestId)).Request.ParsedStatus, (await parties.StatusesAsync(invoice)).Single(),
                await parties.WaybillStatusAsync(waybill)));
        }

        // Assert
        var history = (await parties.ReadAsync(requestId)).History.Select(h => h.ToStatus).ToList();
        var waybillHistory = await Fixture.Get<WaybillQueries>().GetHistoryAsync(parties.Seller, waybill, CancellationToken.None);
        Assert.That(seen, Is.EqualTo(path));
        Assert.That(history, path.Any(s => s.Act == "confirm" || s.Act == "shep-refusal") ? Does.Contain("AGREED_BY_COUNTERPARTY") : Does.Not.Contain("AGREED_BY_COUNTERPARTY"),
            "confirming passes through «Согласован подтверждающим НП»");
        Assert.That(waybillHistory.Select(h => $"{h.FromStatus}→{h.ToStatus}"), Is.EqualTo(
            path[^1].Waybill == WaybillBlocked ? new[] { "CONFIRMED→SEND_TO_ISGO" } : ["CONFIRMED→SEND_TO_ISGO", "SEND_TO_ISGO→CONFIRMED"]));
    }

    [Test]
    public async Task Should_refuse_to_revoke_a_blocked_waybill_and_allow_it_once_given_back()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync(delivered: true);
        var waybill = await parties.IssueOnWaybillAsync(invoice);
        var requestId = await parties.InitiateAsync(parties.Seller, invoice);

        var whileBlocked = await parties.RevokeWaybillAsync(waybill);
        await parties.DeclineAsync(parties.Customer, requestId, "не та субсидия");
        var afterRefusal = await parties.RevokeWaybillAsync(waybill);

        Assert.That(whileBlocked, Is.EqualTo(WaybillFlow.Blocked));
        Assert.That(afterRefusal, Is.Null, "given back CONFIRMED, the seller may revoke it again");
        Assert.That(await parties.WaybillStatusAsync(waybill), Is.EqualTo(WaybillStatus.Revoked));
    }

    [Test]
    public async Task Should_refuse_an_invoice_whose_waybill_the_buyer_has_not_confirmed()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync(delivered: true);
        await parties.IssueOnWaybillAsync(invoice, WaybillStatus.Delivered);

        var refused = await Assert.CatchAsync<Esf.Infrastructure.Errors.EsfException>(() => parties.InitiateAsync(parties.Seller, invoice));

        Assert.That(refused?.ErrorCode, Is.EqualTo("INVOICE_RELATED_SNT_HAS_INVALID_STATUS"));
    }

    private static async Task<long> ActAsync(IsgoParties parties, string act, long invoice, long requestId)
    {
        switch (act)
        {
            case "send":
                return await parties.InitiateAsync(parties.Seller, invoice);
            case "decline":
                await parties.DeclineAsync(parties.Customer, requestId, "суммы не совпадают");
                break;
            case "confirm":
                await parties.ConfirmAsync(parties.Customer, requestId);
                break;
            case "shep-refusal":
                Fixture.Get<SimulatedStateSupportGateway>().RefuseNext(requestId, "ЭЦП не прошла проверку");
                await parties.ConfirmAsync(parties.Customer, requestId);
                break;
            default:
                await parties.AnswerAsync(requestId, Enum.GetValues<IsgoRequestStatus>().Single(s => s.ToWire() == act));
                break;
        }

        return requestId;
    }
}
