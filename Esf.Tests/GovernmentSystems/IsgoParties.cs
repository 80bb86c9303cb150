using System.Security.Cryptography.X509Certificates;
using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;

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
