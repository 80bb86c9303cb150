using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;

namespace Esf.Tests.Pipeline;

/// <summary>Drives the pipeline through its application services: upload as a tenant, then wait for the worker's verdict.</summary>
public sealed class PipelineDriver(GatewayFixture fixture, TestTenant tenant, SessionContext session)
{
    public static async Task<PipelineDriver> StartAsync(GatewayFixture fixture)
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var sessionId = await tenant.OpenSessionAsync(fixture);
        var session = await fixture.Get<SessionService>().RequireAsync(sessionId, CancellationToken.None);
        return new PipelineDriver(fixture, tenant, session);
    }

    public TestTenant Tenant => tenant;

    public SessionContext Session => session;

    public UploadItem Item(string body, string? signature = null) => new(body, "InvoiceV2", signature ?? tenant.Sign(body), "COMPANY");

    public Task<UploadResult> UploadAsync(params UploadItem[] items) => UploadAsync(null, items);

    public Task<UploadResult> UploadAsync(string? idempotencyKey, params UploadItem[] items) =>
        fixture.Get<InvoiceUploader>().UploadAsync(session, new UploadBatch(items, tenant.CertificateBase64), "REST", idempotencyKey, CancellationToken.None);

    /// <summary>An upload from this tenant's session with any certificate (another signer's, an expired one).</summary>
    public Task<UploadResult> UploadAsync(UploadBatch batch) =>
        fixture.Get<InvoiceUploader>().UploadAsync(session, batch, "REST", null, CancellationToken.None);

    /// <summary>Waits until the invoice leaves IN_QUEUE/IN_PROCESSING and returns it.</summary>
    public async Task<InvoiceRecord> FinishedAsync(long invoiceId, TimeSpan? timeout = null)
    {
        var queries = fixture.Get<InvoiceQueries>();
        var invoices = await Poller.UntilAsync(
            () => queries.GetByIdsAsync(session, [invoiceId], CancellationToken.None),
            found => found.Count == 1 && found[0].Status is not (InvoiceStatus.InQueue or InvoiceStatus.InProcessing),
            $"invoice {invoiceId} to be registered or failed", timeout);
        return invoices[0];
    }

    public async Task<IReadOnlyList<RuleViolation>> ErrorsAsync(long invoiceId) =>
        (await fixture.Get<InvoiceQueries>().GetErrorsAsync(session, [invoiceId], CancellationToken.None)).Single().Errors;
}
