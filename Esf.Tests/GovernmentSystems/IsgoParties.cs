using System.Security.Cryptography.X509Certificates;
using Dapper;
using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Npgsql;

namespace Esf.Tests.GovernmentSystems;

/// <summary>
/// A supplier and its customer (<see cref="DocumentFlowParties"/>) with a state body of their own in the registry (with one
/// subsidy), sending invoices to ИС ГО through the gateway's services and answering as the government side.
/// </summary>
public sealed class IsgoParties : IDisposable
{
    private IsgoParties(DocumentFlowParties flow, string stateBody, string subsidy)
    {
        Flow = flow;
        StateBody = stateBody;
        Subsidy = subsidy;
    }

    public DocumentFlowParties Flow { get; }

    public string StateBody { get; }

    public string Subsidy { get; }

    public SessionContext Seller => Flow.SellerSession;

    public SessionContext Customer => Flow.Customer;

    private GatewayFixture Fixture => Flow.Fixture;

    private IsgoRequestService Service => Fixture.Get<IsgoRequestService>();

    public static async Task<IsgoParties> StartAsync(GatewayFixture fixture)
    {
        var flow = await DocumentFlowParties.StartAsync(fixture);
        var code = "GO" + TestTenant.UniqueTin()[^8..];
        var importer = fixture.Get<RegistryImporter>();
        await importer.ImportAsync(RegistryTables.Find("state-bodies")!, $"code,name_ru\n{code},Министерство сельского хозяйства\n", CancellationToken.None);
        await importer.ImportAsync(RegistryTables.Find("state-subsidies")!,
            $"code,state_body_code,name_ru\nS{code},{code},Субсидирование удобрений\n", CancellationToken.None);
        return new IsgoParties(flow, code, "S" + code);
    }

    /// <summary>Registers an invoice; confirmed by the customer (DELIVERED) when asked.</summary>
    public async Task<long> RegisterAsync(bool delivered = false)
    {
        var id = await Flow.RegisterAsync();
        if (delivered)
        {
            await Flow.ChangeAsync(Customer, LifecycleOperation.Confirm, id);
        }

        return id;
    }

    /// <summary>
    /// Arranges what the ИС ГО tests need but this pair's pipeline cannot produce alone: the invoice issued on a waybill (its
    /// 32.1), by default one the buyer confirmed. The waybill row stands in for one registered (and confirmed) through the
    /// waybill flow (covered in Esf.Tests/Rest); answers the waybill's id.
    /// </summary>
    public async Task<long> IssueOnWaybillAsync(long invoiceId, WaybillStatus status = WaybillStatus.Confirmed)
    {
        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            WITH waybill AS (
                INSERT INTO waybills (upload_id, registration_number, status, num, waybill_date, date_text, waybill_type, seller_tin, customer_tin,
                                      sender_tin, sender_login, body, signature, signature_type, certificate, hash, input_date, last_update_date)
                SELECT i.upload_id, i.seller_tin || '00000000' || lpad(i.invoice_id::text, 22, '0'), @Status, i.num, i.invoice_date, i.date_text, 'PRIMARY',
                       i.seller_tin, i.customer_tin, i.sender_tin, i.sender_login, '<waybill/>', i.signature, i.signature_type, (SELECT c.certificate FROM certificates c WHERE c.certificate_id = i.certificate_id), i.hash,
                       i.input_date, i.last_update_date
                FROM invoices i WHERE i.invoice_id = @Id
                RETURNING waybill_id, registration_number)
            UPDATE invoices SET waybill_number = waybill.registration_number FROM waybill WHERE invoice_id = @Id
            RETURNING waybill.waybill_id
            """, new { Id = invoiceId, Status = status.ToWire() });
    }

    public async Task<WaybillStatus> WaybillStatusAsync(long waybillId) =>
        WaybillStatusNames.Parse((await Fixture.Get<WaybillQueries>().FindAsync(Seller, waybillId, CancellationToken.None))!.Status);

    /// <summary>The seller revokes the waybill (signed); answers the refusal's error code, or null when it was revoked.</summary>
    public Task<string?> RevokeWaybillAsync(long waybillId) => ChangeWaybillAsync(Seller, WaybillOperation.Revoke, waybillId, "ошибка в СНТ");

    /// <summary>One signed operation on a waybill by <paramref name="session"/>; answers the refusal's error code, or null.</summary>
    public async Task<string?> ChangeWaybillAsync(SessionContext session, WaybillOperation operation, long waybillId, string? reason)
    {
        StatusChangeItem[] items = [new(waybillId, reason)];
        var results = await Fixture.Get<WaybillStatusChanger>().ChangeAsync(
            session, operation, items, DocumentFlowParties.Sign(items, CertificateOf(session)), CancellationToken.None);
        return results.Single().ErrorCode;
    }

    public Task<long> InitiateAsync(SessionContext initiator, params long[] invoiceIds) =>
        InitiateAsync(initiator, new IsgoInitiation(invoiceIds, StateBody, Subsidy));

    public Task<long> InitiateAsync(SessionContext initiator, IsgoInitiation initiation) =>
        Service.InitiateAsync(initiator, initiation, DocumentFlowParties.Sign(initiation.SignedItems(), CertificateOf(initiator)), CancellationToken.None);

    public Task ConfirmAsync(SessionContext counterparty, long requestId) =>
        Service.ConfirmAsync(counterparty, requestId, DocumentFlowParties.Sign([new(requestId, null)], CertificateOf(counterparty)), CancellationToken.None);

    public Task DeclineAsync(SessionContext counterparty, long requestId, string reason) =>
        Service.DeclineAsync(counterparty, requestId, reason,
            DocumentFlowParties.Sign([new(requestId, reason)], CertificateOf(counterparty)), CancellationToken.None);

    public Task AnswerAsync(long requestId, IsgoRequestStatus status, IReadOnlyList<long>? included = null, string? note = null) =>
        Service.RecordGovernmentAnswerAsync(requestId, new IsgoGovernmentAnswer(status, included, note), CancellationToken.None);

    /// <summary>Confirmed by the customer and accepted by ШЭП and ИС ГО: «Доставлен в ИС ГО».</summary>
    public async Task<long> DeliveredRequestAsync(params long[] invoiceIds)
    {
        var requestId = await InitiateAsync(Seller, invoiceIds);
        await ConfirmAsync(Customer, requestId);
        await AnswerAsync(requestId, IsgoRequestStatus.DeliveredToIsgo);
        return requestId;
    }

    public Task<IsgoRequestDetails> ReadAsync(long requestId, SessionContext? session = null) =>
        Fixture.Get<IsgoRequestQueries>().GetAsync(session ?? Seller, requestId, CancellationToken.None);

    public async Task<InvoiceStatus[]> StatusesAsync(params long[] invoiceIds)
    {
        var records = await Fixture.Get<InvoiceQueries>().GetByIdsAsync(Seller, invoiceIds, CancellationToken.None);
        return invoiceIds.Select(id => records.Single(r => r.InvoiceId == id).Status).ToArray();
    }

    public X509Certificate2 CertificateOf(SessionContext session) => session == Customer ? Flow.CustomerCertificate : Flow.Seller.Tenant.Certificate;

    public void Dispose() => Flow.Dispose();
}
