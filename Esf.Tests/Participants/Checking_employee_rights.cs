using System.Net;
using System.Net.Http.Json;
using Esf.Domain.Employees;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>Every operation checks the right it needs, over REST and SOAP, for invoices and waybills (ADR 0037; issue 14 Done-when).</summary>
[TestFixture]
public sealed class Checking_employee_rights
{
    [Test]
    public async Task Should_refuse_an_invoice_upload_over_rest_by_an_employee_without_the_signing_right_and_accept_it_with_it()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var viewer = await workplace.EnrolAsync("VIEW", "CREATE", "CHANGE_STATUS");
        using var signer = await workplace.EnrolAsync("SIGN");
        using var viewerHttp = await viewer.ClientAsync(workplace.Head.SellerTin);
        using var signerHttp = await signer.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var refused = await viewerHttp.PostAsJsonAsync("api/v1/invoices", workplace.InvoiceUpload(viewer));
        using var accepted = await signerHttp.PostAsJsonAsync("api/v1/invoices", workplace.InvoiceUpload(signer));

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.That((problem.GetProperty("ruleId").GetString(), problem.GetProperty("errorCode").GetString()), Is.EqualTo(("EMP-01", "NO_REQUIRED_PERMISSIONS")));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("SIGN"));
        Assert.That((await Workplace.JsonAsync(accepted)).GetProperty("accepted").GetArrayLength(), Is.EqualTo(1), await accepted.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_refuse_an_invoice_upload_over_soap_by_an_employee_without_the_signing_right()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var viewer = await workplace.EnrolAsync("VIEW");
        using var soap = new RawSoapClient(ParticipantsGateway.Fixture.CreateClient());
        var login = await SoapLoginAsync(soap, viewer, workplace.Head.SellerTin);
        var body = TestInvoices.Build(workplace.Head);

        // Act
        var upload = await soap.PostAsync("UploadInvoiceService",
            Envelopes.SyncInvoice(login.Element("sessionId")!, viewer.CertificateBase64, Envelopes.EscapedUploadInfo(body, viewer.Sign(body))));

        // Assert
        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK), login.ToString());
        Assert.That(upload.FaultCode, Is.Not.Null, upload.ToString());
        // The real accessDeniedException carries a description only: the rule id and the right it names are in it.
        Assert.That(upload.Body, Does.Contain("accessDeniedException").And.Contain("EMP-01").And.Contain("(SIGN)"));
    }

    [Test]
    public async Task Should_let_a_view_only_employee_query_an_invoice_over_soap_but_not_confirm_it()
    {
        // Arrange: the head's invoice, addressed to the head's customer; the check comes before any lookup of the invoice.
        using var workplace = await Workplace.OpenAsync();
        using var viewer = await workplace.EnrolAsync("VIEW");
        var body = TestInvoices.Build(workplace.Head);
        using var upload = await workplace.HeadHttp.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = workplace.Head.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = workplace.Head.Sign(body), signatureType = "COMPANY" } },
        });
        var id = (await Workplace.JsonAsync(upload)).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        using var soap = new RawSoapClient(ParticipantsGateway.Fixture.CreateClient());
        var sessionId = (await SoapLoginAsync(soap, viewer, workplace.Head.SellerTin)).Element("sessionId")!;

        // Act
        var query = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", sessionId, id));
        var confirm = await soap.PostAsync("InvoiceService", Envelopes.ById("confirmInvoiceByIdRequest", sessionId, id));

        // Assert
        Assert.That(query.Status, Is.EqualTo(HttpStatusCode.OK), query.ToString());
        Assert.That(query.Element("invoiceBody"), Is.EqualTo(body));
        Assert.That(confirm.FaultCode, Is.Not.Null, confirm.ToString());
        Assert.That(confirm.Body, Does.Contain("accessDeniedException").And.Contain("EMP-01").And.Contain("(CHANGE_STATUS)"));
    }

    [Test]
    public async Task Should_let_a_view_only_employee_read_but_not_act_on_invoices_and_waybills()
    {
        // Arrange: the head uploads; its view-only employee reads the invoice and the waybill, then tries to act on them.
        using var workplace = await Workplace.OpenAsync();
        using var viewer = await workplace.EnrolAsync("VIEW");
        var body = TestInvoices.Build(workplace.Head);
        using var invoiceUpload = await workplace.HeadHttp.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = workplace.Head.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = workplace.Head.Sign(body), signatureType = "COMPANY" } },
        });
        var invoiceId = (await Workplace.JsonAsync(invoiceUpload)).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        using var waybillUpload = await workplace.HeadHttp.PostAsJsonAsync("api/v1/snt", TestWaybills.UploadBody(workplace.Head, TestWaybills.Build(workplace.Head.SellerTin, workplace.Head.CustomerTin)));
        var waybillId = (await Workplace.JsonAsync(waybillUpload)).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        using var http = await viewer.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var readInvoice = await http.GetAsync($"api/v1/invoices/{invoiceId}/status");
        using var readWaybill = await http.GetAsync($"api/v1/snt/{waybillId}");
        using var confirm = await http.PostAsync($"api/v1/invoices/{invoiceId}/confirm", null);
        using var revokeWaybill = await http.PostAsJsonAsync($"api/v1/snt/{waybillId}/revoke", new { reason = "ошибка", signature = "AA==", certificate = viewer.CertificateBase64 });
        using var uploadWaybill = await http.PostAsJsonAsync("api/v1/snt", workplace.WaybillUpload(viewer));

        // Assert
        Assert.That((readInvoice.StatusCode, readWaybill.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        foreach (var refused in new[] { confirm, revokeWaybill, uploadWaybill })
        {
            Assert.That((await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-01"),
                refused.RequestMessage?.RequestUri?.ToString());
        }
    }

    [Test]
    public async Task Should_refuse_reading_to_an_employee_without_the_view_right()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var signer = await workplace.EnrolAsync("SIGN");
        using var http = await signer.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var invoices = await http.GetAsync("api/v1/invoices/1/status");
        using var waybills = await http.GetAsync("api/v1/snt/1");
        using var updates = await http.GetAsync("api/v1/updates");

        // Assert
        foreach (var refused in new[] { invoices, waybills, updates })
        {
            Assert.That((await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("ruleId").GetString(), Is.EqualTo("EMP-01"));
        }
    }

    [Test]
    public async Task Should_refuse_a_blocked_employee_at_its_next_request_and_at_login_but_not_in_its_other_enterprise()
    {
        // Arrange: one person employed by two enterprises.
        using var first = await Workplace.OpenAsync();
        using var second = await Workplace.OpenAsync();
        using var person = await first.EnrolAsync("VIEW");
        using var alsoAdded = await second.HeadHttp.PutAsync($"api/v1/employees/{person.Iin}", null);
        using var alsoGranted = await Workplace.GrantAsync(second.HeadHttp, person.Iin, "VIEW", Workplace.Today, null);
        var sessionId = await person.LoginAsync(first.Head.SellerTin);
        using var http = Workplace.Client(sessionId);
        using var before = await http.GetAsync("api/v1/employees/me");

        // Act
        using var blocked = await first.HeadHttp.PutAsync($"api/v1/employees/{person.Iin}/block", null);
        using var after = await http.GetAsync("api/v1/employees/me");
        var sessions = ParticipantsGateway.Fixture.Get<SessionService>();
        await sessions.CloseAsync(sessionId, CancellationToken.None);
        var login = await Assert.ThrowsAsync<EsfException>(() => person.LoginAsync(first.Head.SellerTin));
        using var elsewhere = await person.ClientAsync(second.Head.SellerTin);
        using var inSecond = await elsewhere.GetAsync("api/v1/employees/me");

        // Assert
        Assert.That((before.StatusCode, blocked.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.NoContent)));
        var problem = await ProblemAssertions.AssertProblemAsync(after, HttpStatusCode.Forbidden);
        Assert.That((problem.GetProperty("ruleId").GetString(), problem.GetProperty("errorCode").GetString()), Is.EqualTo(("EMP-02", "USER_BLOCKED")));
        Assert.That(login!.ErrorCode, Is.EqualTo("USER_BLOCKED"));
        Assert.That(inSecond.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_hold_a_right_through_the_last_day_of_its_term_and_not_after()
    {
        // Arrange: a right for today only; the sessions are judged by a clock the test sets (never by waiting).
        using var workplace = await Workplace.OpenAsync();
        using var person = await workplace.EnrolAsync();
        using var granted = await Workplace.GrantAsync(workplace.HeadHttp, person.Iin, "SIGN", Workplace.Today, Workplace.Today);
        var lastMinutes = new DateTimeOffset(Workplace.Today.ToDateTime(new TimeOnly(23, 50)), TimeSpan.FromHours(5));
        var clock = new ControlledClock(lastMinutes);
        var sessions = ActivatorUtilities.CreateInstance<SessionService>(ParticipantsGateway.Fixture.Services, (TimeProvider)clock);
        var sessionId = await sessions.CreateAsync(
            new CreateSessionRequest(workplace.Head.SellerTin, person.CertificateBase64, person.Iin, TestTenant.DefaultPassword), CancellationToken.None);

        // Act
        var onLastDay = await sessions.RequireAsync(sessionId, CancellationToken.None);
        clock.Now = lastMinutes.AddMinutes(20);
        var dayAfter = await sessions.RequireAsync(sessionId, CancellationToken.None);
        await sessions.CloseAsync(sessionId, CancellationToken.None);

        // Assert
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((onLastDay.Authority.Holds(EmployeeRight.Sign), dayAfter.Authority.Holds(EmployeeRight.Sign)), Is.EqualTo((true, false)));
        var refusal = Assert.Throws<RuleRefusal>(() => dayAfter.Demand(EmployeeRight.Sign));
        Assert.That(refusal!.RuleId, Is.EqualTo("EMP-01"));
    }

    [Test]
    public async Task Should_refuse_the_change_feed_stream_to_an_employee_without_the_viewing_right_before_it_opens()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync();
        using var signer = await workplace.EnrolAsync("SIGN");
        using var signerHttp = await signer.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var refused = await signerHttp.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead);

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("ruleId").GetString(), Is.EqualTo("EMP-01"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("VIEW"));
    }

    private static Task<SoapReply> SoapLoginAsync(RawSoapClient soap, Workplace.Person person, string tin) =>
        soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{tin}</tin><x509Certificate>{person.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(person.Iin, TestTenant.DefaultPassword)));
}
