using System.Security.Cryptography.X509Certificates;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Npgsql;

namespace Esf.Tests.Lifecycle;

/// <summary>
/// Both sides of an invoice, each logged in with its own user and certificate: the seller (a <see cref="TestTenant"/>) and a
/// user heading its customer. Invoices are registered through the real pipeline.
/// </summary>
public sealed class DocumentFlowParties : IDisposable
{
    private DocumentFlowParties(GatewayFixture fixture, PipelineDriver seller, SessionContext customer, X509Certificate2 customerCertificate)
    {
        Fixture = fixture;
        Seller = seller;
        Customer = customer;
        CustomerCertificate = customerCertificate;
    }

    public GatewayFixture Fixture { get; }

    public PipelineDriver Seller { get; }

    public SessionContext SellerSession => Seller.Session;

    public SessionContext Customer { get; }

    public X509Certificate2 CustomerCertificate { get; }

    public static async Task<DocumentFlowParties> StartAsync(GatewayFixture fixture)
    {
        var seller = await PipelineDriver.StartAsync(fixture);
        var customerIin = TestTenant.UniqueTin();
        var certificate = CertificateFactory.Create("ПОКУПАТЕЛЬ ТЕСТ", customerIin, seller.Tenant.CustomerTin);
        await fixture.Get<RegistryWriter>().AddUserAsync(customerIin, TestTenant.DefaultPassword, seller.Tenant.CustomerTin, "ADMIN_ENTERPRISE");
        var sessions = fixture.Get<SessionService>();
        var sessionId = await sessions.CreateAsync(
            new CreateSessionRequest(seller.Tenant.CustomerTin, CertificateFactory.ToBase64(certificate), customerIin, TestTenant.DefaultPassword),
            CancellationToken.None);
        return new DocumentFlowParties(fixture, seller, await sessions.RequireAsync(sessionId, CancellationToken.None), certificate);
    }

    /// <summary>Uploads an invoice as the seller and waits until it is CREATED (or FAILED, when the body makes it fail).</summary>
    public async Task<long> RegisterAsync(string? body = null)
    {
        var result = await Seller.UploadAsync(Seller.Item(body ?? TestInvoices.Build(Seller.Tenant)));
        var id = result.Accepted.Single().InvoiceId!.Value;
        await Seller.FinishedAsync(id);
        return id;
    }

    /// <summary>Arranges what the pipeline cannot produce alone: a kind (FIXED/ADDITIONAL) and an issue date.</summary>
    public async Task SetKindAndDateAsync(long invoiceId, InvoiceType type, DateOnly date)
    {
        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE invoices SET invoice_type = @Type, invoice_date = @Date, date_text = @Text WHERE invoice_id = @Id",
            new { Type = InvoiceTypeNames.ToWire(type), Date = date.ToDateTime(TimeOnly.MinValue), Text = date.ToString("dd.MM.yyyy"), Id = invoiceId });
    }

    /// <summary>One operation on one invoice, signed with the acting side's certificate (confirm is not signed).</summary>
    /// <param name="changer">The service to call; by default the gateway's (a test passes one with its own clock).</param>
    public Task<IReadOnlyList<StatusChangeResult>> ChangeAsync(
        SessionContext session, LifecycleOperation operation, long id, string reason = "причина", InvoiceStatusChanger? changer = null)
    {
        var unsigned = operation == LifecycleOperation.Confirm;
        StatusChangeItem[] items = [new(id, unsigned || operation == LifecycleOperation.Delete ? null : reason)];
        var signed = unsigned ? null : Sign(items, session == Customer ? CustomerCertificate : Seller.Tenant.Certificate);
        return (changer ?? Fixture.Get<InvoiceStatusChanger>()).ChangeAsync(session, operation, items, signed, atomic: false, CancellationToken.None);
    }

    public static SignedStatusChange Sign(IReadOnlyList<StatusChangeItem> items, X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        return new SignedStatusChange(
            InvoiceSignatureVerifier.Sign(StatusChangeSignature.CanonicalText(items), key), CertificateFactory.ToBase64(certificate));
    }

    public async Task<InvoiceRecord> ReadAsync(long id) =>
        (await Fixture.Get<InvoiceQueries>().GetByIdsAsync(SellerSession, [id], CancellationToken.None)).Single();

    public void Dispose()
    {
        CustomerCertificate.Dispose();
        Seller.Tenant.Dispose();
    }
}
