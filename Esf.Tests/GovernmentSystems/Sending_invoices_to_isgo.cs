using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Sandbox;
using Esf.Tests.Infrastructure;
using NUnit.Framework;
using static Esf.Domain.GovernmentSystems.IsgoRequestStatus;
using static Esf.Domain.Invoices.InvoiceStatus;

namespace Esf.Tests.GovernmentSystems;

/// <summary>An ИС ГО request through each of its outcomes, with the invoices' statuses at every step (spec-rest §3.8).</summary>
[TestFixture]
public sealed class Sending_invoices_to_isgo
{
    private static GatewayFixture Fixture => IsgoGateway.Fixture;

    [Test]
    public async Task Should_block_the_selected_invoices_until_the_counterparty_answers()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var created = await parties.RegisterAsync();
        var delivered = await parties.RegisterAsync(delivered: true);

        var requestId = await parties.InitiateAsync(parties.Seller, created, delivered);
        var revoke = await parties.Flow.ChangeAsync(parties.Seller, LifecycleOperation.Revoke, created);
        var request = await parties.ReadAsync(requestId, parties.Customer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await parties.StatusesAsync(created, delivered), Is.EqualTo(new[] { SendToIsgo, SendToIsgo }));
            Assert.That((revoke.Single().IsChanged, revoke.Single().ErrorCode), Is.EqualTo((false, "WRONG_STATUS")), "no revoke while blocked");
            Assert.That((request.Request.ParsedStatus, request.Request.CounterpartyTin, request.Request.SubsidyCode),
                Is.EqualTo((SentForConfirmation, parties.Customer.Tin, parties.Subsidy)));
            Assert.That(request.Invoices.Select(i => (i.PreviousStatus, i.Outcome)),
                Is.EqualTo(new[] { ("CREATED", "SENT_FOR_CONFIRMATION"), ("DELIVERED", "SENT_FOR_CONFIRMATION") }));
        }
    }

    [Test]
    public async Task Should_give_back_each_earlier_status_when_the_counterparty_declines()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var created = await parties.RegisterAsync();
        var delivered = await parties.RegisterAsync(delivered: true);
        var requestId = await parties.InitiateAsync(parties.Seller, created, delivered);

        await parties.DeclineAsync(parties.Customer, requestId, "суммы не совпадают с договором");
        var request = await parties.ReadAsync(requestId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await parties.StatusesAsync(created, delivered), Is.EqualTo(new[] { Created, Delivered }));
            Assert.That((request.Request.ParsedStatus, request.Request.Note),
                Is.EqualTo((DeclinedByCounterparty, "суммы не совпадают с договором")));
            Assert.That(request.History.Select(h => (h.ToStatus, h.Tin)), Is.EqualTo(new[]
            {
                ("SENT_FOR_CONFIRMATION", parties.Seller.Tin), ("DECLINED_BY_COUNTERPARTY", parties.Customer.Tin),
            }));
        }
    }

    [Test]
    public async Task Should_run_to_a_paid_subsidy_with_an_outcome_per_invoice()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var included = await parties.RegisterAsync();
        var notIncluded = await parties.RegisterAsync(delivered: true);

        var requestId = await parties.InitiateAsync(parties.Customer, included, notIncluded);
        await parties.ConfirmAsync(parties.Seller, requestId);
        var afterShep = (await parties.ReadAsync(requestId)).Request.ParsedStatus;
        await parties.AnswerAsync(requestId, DeliveredToIsgo);
        await parties.AnswerAsync(requestId, IncludedInApplication, [included]);
        var afterDecision = await parties.StatusesAsync(included, notIncluded);
        await parties.AnswerAsync(requestId, SubsidyPaid);
        var request = await parties.ReadAsync(requestId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterShep, Is.EqualTo(SentToShep));
            Assert.That(afterDecision, Is.EqualTo(new[] { SendToIsgo, Delivered }));
            Assert.That(await parties.StatusesAsync(included, notIncluded), Is.EqualTo(new[] { SendToIsgo, Delivered }), "paid: stays blocked");
            Assert.That((request.Request.ParsedStatus, request.Request.ConfirmedAt.HasValue), Is.EqualTo((SubsidyPaid, true)));
            Assert.That(request.Invoices.Select(i => i.Outcome), Is.EqualTo(new[] { "SUBSIDY_PAID", "NOT_INCLUDED_IN_APPLICATION" }));
            Assert.That(request.History.Select(h => h.ToStatus), Is.EqualTo(new[]
            {
                "SENT_FOR_CONFIRMATION", "AGREED_BY_COUNTERPARTY", "SENT_TO_SHEP", "DELIVERED_TO_ISGO", "INCLUDED_IN_APPLICATION", "SUBSIDY_PAID",
            }));
        }
    }

    [Test]
    public async Task Should_give_back_the_statuses_when_support_is_refused()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync(delivered: true);
        var requestId = await parties.DeliveredRequestAsync(invoice);

        await parties.AnswerAsync(requestId, IncludedInApplication);
        await parties.AnswerAsync(requestId, SupportRefused, note: "нет бюджетных средств");
        var request = await parties.ReadAsync(requestId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await parties.StatusesAsync(invoice), Is.EqualTo(new[] { Delivered }));
            Assert.That((request.Request.ParsedStatus, request.Request.Note), Is.EqualTo((SupportRefused, "нет бюджетных средств")));
            Assert.That(request.Invoices.Single().Outcome, Is.EqualTo("SUPPORT_REFUSED"));
        }
    }

    [Test]
    public async Task Should_give_back_the_statuses_when_no_invoice_is_included()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync();
        var requestId = await parties.DeliveredRequestAsync(invoice);

        await parties.AnswerAsync(requestId, NotIncludedInApplication);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await parties.StatusesAsync(invoice), Is.EqualTo(new[] { Created }));
            Assert.That((await parties.ReadAsync(requestId)).Request.ParsedStatus, Is.EqualTo(NotIncludedInApplication));
        }
    }

    [Test]
    public async Task Should_give_back_the_statuses_when_shep_does_not_accept()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync();
        var requestId = await parties.InitiateAsync(parties.Seller, invoice);
        Fixture.Get<SimulatedStateSupportGateway>().RefuseNext(requestId, "ЭЦП не прошла проверку");

        await parties.ConfirmAsync(parties.Customer, requestId);
        var request = await parties.ReadAsync(requestId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await parties.StatusesAsync(invoice), Is.EqualTo(new[] { Created }));
            Assert.That((request.Request.ParsedStatus, request.Request.Note), Is.EqualTo((NotAcceptedByShep, "ЭЦП не прошла проверку")));
            Assert.That(request.History.Last().Actor, Is.EqualTo(IsgoRequestService.ShepActor));
        }
    }

    [Test]
    public async Task Should_refuse_what_a_request_may_not_hold_or_do()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var revoked = await parties.RegisterAsync();
        await parties.Flow.ChangeAsync(parties.Seller, LifecycleOperation.Revoke, revoked);
        var blocked = await parties.RegisterAsync();
        var requestId = await parties.InitiateAsync(parties.Seller, blocked);
        var free = await parties.RegisterAsync();

        using (Assert.EnterMultipleScope())
        {
            await AssertRefusedAsync(() => parties.InitiateAsync(parties.Seller, revoked), EsfFaultKind.Conflict, IsgoSelection.WrongStatus);
            await AssertRefusedAsync(() => parties.InitiateAsync(parties.Customer, blocked), EsfFaultKind.Conflict, IsgoSelection.WrongStatus);
            await AssertRefusedAsync(() => parties.InitiateAsync(parties.Seller, 99_999_999_999), EsfFaultKind.NotFound, "ISGO_INVOICE_NOT_FOUND");
            await AssertRefusedAsync(() => parties.InitiateAsync(parties.Seller, new IsgoInitiation([free], "NO-SUCH-BODY", null)),
                EsfFaultKind.InvalidInput, "ISGO_SYSTEM_NOT_FOUND");
            await AssertRefusedAsync(() => parties.InitiateAsync(parties.Seller, new IsgoInitiation([free], parties.StateBody, null)),
                EsfFaultKind.InvalidInput, "ISGO_SUBSIDY_NOT_FOUND");
            await AssertRefusedAsync(() => parties.ConfirmAsync(parties.Seller, requestId), EsfFaultKind.AccessDenied, "ISGO_INVALID_APPROVER");
            await AssertRefusedAsync(() => parties.AnswerAsync(requestId, SubsidyPaid), EsfFaultKind.Conflict, "ISGO_INVALID_ISGO_INVOICE_STATUS");
            await AssertRefusedAsync(() => parties.AnswerAsync(requestId, AgreedByCounterparty), EsfFaultKind.InvalidInput, "FIELD_INVALID");
            await AssertRefusedAsync(() => parties.DeclineAsync(parties.Customer, requestId, " "), EsfFaultKind.InvalidInput, "FIELD_INVALID");
            Assert.That(await parties.StatusesAsync(free), Is.EqualTo(new[] { Created }), "nothing refused changed an invoice");
        }
    }

    [Test]
    public async Task Should_hide_a_request_from_another_enterprise()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        using var stranger = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync();
        var requestId = await parties.InitiateAsync(parties.Seller, invoice);

        var journal = await Fixture.Get<IsgoRequestQueries>().JournalAsync(stranger.Seller, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(journal.Select(r => r.RequestId), Does.Not.Contain(requestId));
            await AssertRefusedAsync(() => parties.ReadAsync(requestId, stranger.Seller), EsfFaultKind.NotFound, "NOT_FOUND");
            await AssertRefusedAsync(() => stranger.DeclineAsync(stranger.Seller, requestId, "чужой"), EsfFaultKind.NotFound, "NOT_FOUND");
            await AssertRefusedAsync(() => stranger.InitiateAsync(stranger.Seller, invoice), EsfFaultKind.NotFound, "ISGO_INVOICE_NOT_FOUND");
        }
    }

    [Test]
    public async Task Should_be_removed_with_its_invoices_by_the_sandbox_reset()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync();
        var requestId = await parties.InitiateAsync(parties.Seller, invoice);

        var removed = await Fixture.Get<SandboxReset>().ResetAsync(parties.Seller.Tin, CancellationToken.None);

        Assert.That(removed.Invoices, Is.EqualTo(1));
        await AssertRefusedAsync(() => parties.ReadAsync(requestId, parties.Customer), EsfFaultKind.NotFound, "NOT_FOUND");
    }

    private static async Task AssertRefusedAsync(Func<Task> act, EsfFaultKind kind, string errorCode)
    {
        var refused = await Assert.CatchAsync<EsfException>(async () => await act());
        Assert.That((refused?.Kind, refused?.ErrorCode), Is.EqualTo(((EsfFaultKind?)kind, errorCode)), refused?.Description);
    }
}
