using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Esf.Tests.Pipeline;
using Esf.Tests.Soap;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// H2 (security review): an upload is accepted only for the session's own enterprise, or from an attorney (signatureType
/// OPERATOR) holding the seller's power of attorney that day; otherwise it is declined and nothing is stored. Revoke and delete
/// belong to the seller and its attorneys, not to whoever sent the invoice; counterparties see registered invoices only.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Sending_invoices_for_another_seller
{
    private const string Area = "Document integrity";

    private static GatewayFixture Gateway => IsolationGateway.Fixture;

    [Test]
    public async Task Should_decline_a_replay_of_another_sellers_signed_invoice_over_rest_and_store_nothing()
    {
        // Arrange: Y holds X's body as X signed it (a customer sees it), and re-uploads it from Y's own session.
        using var seller = await Caller.LogInAsync();
        using var other = await Caller.LogInAsync();
        var num = TestTenant.UniqueNum();
        var body = TestInvoices.Build(num, TestInvoices.Today, seller.Tenant.SellerTin, seller.Tenant.CustomerTin);

        // Act
        using var response = await other.Http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = seller.Tenant.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = seller.Tenant.Sign(body), signatureType = "COMPANY" } },
        });

        // Assert
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = answer.GetProperty("declined")[0].GetProperty("errors")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.GetProperty("accepted").GetArrayLength(), Is.Zero);
            Assert.That((error.GetProperty("ruleId").GetString(), error.GetProperty("errorCode").GetString()),
                Is.EqualTo(("UPL-01", "SELLER_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION")));
            Assert.That(await StoredCountAsync(seller.Tenant.SellerTin, num), Is.Zero, "nothing stored under the seller's name");
        }

        AttackLog.Record(Area, "Upload (replay) enterprise X's invoice, signed with X's own key, from enterprise Y's session (REST)",
            "Declined at upload: UPL-01 SELLER_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION; nothing stored, X sees nothing");
    }

    [Test]
    public async Task Should_decline_an_invoice_naming_another_seller_over_soap_in_the_declined_set()
    {
        // Arrange
        using var attacker = await Caller.LogInAsync();
        using var victim = await Caller.LogInAsync();
        var num = TestTenant.UniqueNum();
        var body = TestInvoices.Build(num, TestInvoices.Today, victim.Tenant.SellerTin, victim.Tenant.CustomerTin);

        // Act
        var reply = await attacker.Soap.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(
            attacker.SessionId, attacker.Tenant.CertificateBase64, Envelopes.EscapedUploadInfo(body, attacker.Tenant.Sign(body))));

        // Assert
        Assert.That(reply.Body, Does.Contain("<declinedSet><standardResponse>").And.Contain("<errorCode>SELLER_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION</errorCode>"),
            reply.ToString());
        Assert.That(await StoredCountAsync(victim.Tenant.SellerTin, num), Is.Zero);
        AttackLog.Record(Area, "syncInvoice from enterprise Y's session with an invoice naming enterprise X as seller (SOAP)",
            "declinedSet with errorCode SELLER_TIN_NOT_EQUALS_WITH_TIN_IN_SESSION; nothing stored");
    }

    [Test]
    public async Task Should_accept_an_attorneys_upload_for_its_principal_record_the_power_and_decline_it_once_revoked()
    {
        // Arrange: X gives Y's user a power of attorney; the user uploads X's invoices from Y's session, signed with its own key.
        var (principal, attorneyFirm, power) = await PrincipalAndAttorneyFirmAsync();
        var first = OperatorItem(attorneyFirm, TestInvoices.Build(principal.Tenant));
        var second = OperatorItem(attorneyFirm, TestInvoices.Build(principal.Tenant));

        // Act
        var id = (await attorneyFirm.UploadAsync(first)).Accepted.Single().InvoiceId!.Value;
        var registered = await attorneyFirm.FinishedAsync(id);
        await Gateway.Get<PowersOfAttorney>().RevokeAsync(principal.Session, power.Id, CancellationToken.None);
        var afterRevocation = await attorneyFirm.UploadAsync(second);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(registered.Status, Is.EqualTo(InvoiceStatus.Created));
            Assert.That(await RecordedPowerAsync(id), Is.EqualTo(power.Id), "the invoice records the power it was sent under");
            Assert.That(afterRevocation.Declined.Single().Errors.Select(e => e.RuleId), Is.EqualTo(new[] { "UPL-01" }));
        }

        AttackLog.Record(Area, "Upload enterprise X's invoice (OPERATOR) as X's attorney after X revoked the power of attorney",
            "Declined at upload: UPL-01; while the power was valid the same upload was accepted and recorded its power");
    }

    [Test]
    public async Task Should_let_the_seller_and_its_attorney_revoke_but_not_a_sender_without_a_valid_power()
    {
        // Arrange: Y's user uploaded three of X's invoices under X's power; then the power was revoked.
        var (principal, attorneyFirm, power) = await PrincipalAndAttorneyFirmAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var upload = await attorneyFirm.UploadAsync(OperatorItem(attorneyFirm, TestInvoices.Build(principal.Tenant)));
            ids.Add((await attorneyFirm.FinishedAsync(upload.Accepted.Single().InvoiceId!.Value)).InvoiceId);
        }

        // Act
        var byAttorney = await RevokeAsync(attorneyFirm.Session, attorneyFirm.Tenant, ids[0]);
        await Gateway.Get<PowersOfAttorney>().RevokeAsync(principal.Session, power.Id, CancellationToken.None);
        var bySenderAfterRevocation = await RevokeAsync(attorneyFirm.Session, attorneyFirm.Tenant, ids[1]);
        var bySeller = await RevokeAsync(principal.Session, principal.Tenant, ids[2]);

        // Assert
        Assert.That(new[] { byAttorney, bySenderAfterRevocation, bySeller }.Select(r => (r.IsChanged, r.ErrorCode)), Is.EqualTo(new[]
        {
            (true, (string?)null), (false, "ACCESS_DENIED"), (true, null),
        }));
        AttackLog.Record(Area, "Revoke enterprise X's invoice from the enterprise that sent it, after X revoked its power of attorney",
            "ACCESS_DENIED: revoke and delete belong to the seller and to holders of its valid power of attorney, not to the sender");
    }

    [Test]
    public async Task Should_show_a_failed_invoice_to_its_seller_only_and_keep_it_out_of_the_xml_container()
    {
        // Arrange: one registered and one FAILED invoice (its body changed after signing) of X to customer C.
        using var parties = await DocumentFlowParties.StartAsync(Gateway);
        var registered = await parties.RegisterAsync();
        var signed = TestInvoices.Build(parties.Seller.Tenant);
        var tampered = signed.Replace("Доставка по городу", "Доставка по области", StringComparison.Ordinal);
        var upload = await parties.Seller.UploadAsync(parties.Seller.Item(tampered, parties.Seller.Tenant.Sign(signed)));
        var failed = (await parties.Seller.FinishedAsync(upload.Accepted.Single().InvoiceId!.Value)).InvoiceId;

        // Act
        var queries = Gateway.Get<InvoiceQueries>();
        var customerSees = await queries.GetByIdsAsync(parties.Customer, [registered, failed], CancellationToken.None);
        var sellerSees = await queries.GetByIdsAsync(parties.SellerSession, [registered, failed], CancellationToken.None);
        var container = await ExportXmlAsync(parties.SellerSession);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(customerSees.Select(i => i.InvoiceId), Is.EqualTo(new[] { registered }), "the customer sees registered invoices only");
            Assert.That(sellerSees.Select(i => i.InvoiceId), Is.EquivalentTo(new[] { registered, failed }));
            Assert.That(container, Does.Contain("Доставка по городу"), "the registered invoice is exported");
            Assert.That(container, Does.Not.Contain("Доставка по области"), "the FAILED body is not");
        }

        AttackLog.Record(Area, "Read a FAILED invoice (a body that never passed the control) as its customer, and find it in the seller's XML export",
            "Not visible to the customer (answers like a missing id); the XML container holds registered invoices only");
    }

    [Test]
    public async Task Should_decline_every_invoice_of_an_individual()
    {
        // Arrange: a person registered as «физическое лицо» (profile INDIVIDUAL, taxpayer type INDIVIDUAL) with their own key.
        var iin = TestTenant.UniqueTin();
        var registry = Gateway.Get<RegistryWriter>();
        await registry.AddTaxpayerAsync(iin, "ИВАНОВ ИВАН");
        await ExecuteAsync("UPDATE taxpayers SET enterprise_type = 'INDIVIDUAL' WHERE tin = @Tin", new { Tin = iin });
        await registry.AddUserAsync(iin, TestTenant.DefaultPassword, iin, "INDIVIDUAL");
        using var certificate = CertificateFactory.Create("ИВАНОВ ИВАН", iin, null);
        var sessions = Gateway.Get<SessionService>();
        var session = await sessions.RequireAsync(await sessions.CreateAsync(
            new CreateSessionRequest(iin, CertificateFactory.ToBase64(certificate), iin, TestTenant.DefaultPassword), CancellationToken.None), CancellationToken.None);
        var customer = await PipelineDriver.StartAsync(Gateway);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, iin, customer.Tenant.SellerTin);
        using var key = certificate.GetRSAPrivateKey()!;

        // Act
        var result = await Gateway.Get<InvoiceUploader>().UploadAsync(session,
            new UploadBatch([new UploadItem(body, "InvoiceV2", InvoiceSignatureVerifier.Sign(body, key), "COMPANY")], CertificateFactory.ToBase64(certificate)),
            "REST", null, CancellationToken.None);

        // Assert
        Assert.That(result.Accepted, Is.Empty);
        Assert.That(result.Declined.Single().Errors.Select(e => (e.RuleId, e.ErrorCode)),
            Is.EqualTo(new[] { ("UPL-02", "SELLER_NOT_HAVE_REQUIRED_REGISTRATION_TYPE") }));
    }

    private static UploadItem OperatorItem(PipelineDriver attorneyFirm, string body) => attorneyFirm.Item(body) with { SignatureType = "OPERATOR" };

    /// <summary>Enterprise X (the principal) and enterprise Y, whose user holds X's power of attorney from today for 30 days.</summary>
    private static async Task<(PipelineDriver Principal, PipelineDriver AttorneyFirm, PowerOfAttorney Power)> PrincipalAndAttorneyFirmAsync()
    {
        var principal = await PipelineDriver.StartAsync(Gateway);
        var attorneyFirm = await PipelineDriver.StartAsync(Gateway);
        var today = ControlledClock.KazakhstanToday;
        var power = await Gateway.Get<PowersOfAttorney>().GrantAsync(
            principal.Session, attorneyFirm.Tenant.UserIin, today, today.AddDays(30), CancellationToken.None);
        return (principal, attorneyFirm, power);
    }

    private static async Task<StatusChangeResult> RevokeAsync(SessionContext session, TestTenant signer, long id)
    {
        StatusChangeItem[] items = [new(id, "ошибка")];
        return (await Gateway.Get<InvoiceStatusChanger>().ChangeAsync(
            session, LifecycleOperation.Revoke, items, DocumentFlowParties.Sign(items, signer.Certificate), atomic: false, CancellationToken.None)).Single();
    }

    private static async Task<string> ExportXmlAsync(SessionContext session)
    {
        using var output = new MemoryStream();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));
        await Gateway.Get<InvoiceExporter>().WriteAsync(output, session, new InvoiceFilter { DateFrom = today.AddDays(-1), DateTo = today.AddDays(1) },
            InvoiceSort.Date, true, null, ExportFormat.Xml, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task<int> StoredCountAsync(string sellerTin, string num)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices WHERE seller_tin = @Seller AND num = @Num", new { Seller = sellerTin, Num = num });
    }

    private static async Task<long?> RecordedPowerAsync(long invoiceId)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        return await connection.ExecuteScalarAsync<long?>("SELECT power_of_attorney_id FROM invoices WHERE invoice_id = @Id", new { Id = invoiceId });
    }

    private static async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.ExecuteAsync(sql, parameters);
    }
}
