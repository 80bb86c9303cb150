using System.Net.Http.Headers;
using System.Net.Http.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>One enterprise logged in once; the same session id serves SOAP (in the body) and REST (as the bearer).</summary>
public sealed class Caller : IDisposable
{
    private Caller(TestTenant tenant, string sessionId, HttpClient http)
    {
        Tenant = tenant;
        SessionId = sessionId;
        Http = http;
        Soap = new RawSoapClient(IsolationGateway.Fixture.CreateClient());
    }

    public TestTenant Tenant { get; }

    public string SessionId { get; }

    /// <summary>REST, with <c>Authorization: Bearer &lt;sessionId&gt;</c>.</summary>
    public HttpClient Http { get; }

    public RawSoapClient Soap { get; }

    public static async Task<Caller> LogInAsync()
    {
        var fixture = IsolationGateway.Fixture;
        var tenant = await TestTenant.CreateAsync(fixture);
        var sessionId = await tenant.OpenSessionAsync(fixture);
        var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return new Caller(tenant, sessionId, http);
    }

    /// <summary>Uploads one invoice of this enterprise over REST and answers its id.</summary>
    public async Task<long> UploadInvoiceAsync()
    {
        var body = TestInvoices.Build(Tenant);
        using var response = await Http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = Tenant.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = Tenant.Sign(body), signatureType = "COMPANY" } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(202), text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("accepted")[0].GetProperty("id").GetInt64();
    }

    public void Dispose()
    {
        Http.Dispose();
        Soap.Dispose();
        Tenant.Dispose();
    }
}
