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
    public async Task<long> UploadInvoiceAsync() => (await UploadAsync(TestInvoices.Build(Tenant))).Id;

    /// <summary>
    /// Uploads one invoice and waits until the worker has decided it: CREATED, or FAILED when <paramref name="failing"/>
    /// (its customer is no registered taxpayer, so the control refuses it).
    /// </summary>
    public async Task<InvoiceTarget> RegisterAsync(bool failing = false)
    {
        var num = TestTenant.UniqueNum();
        var customer = failing ? TestTenant.UniqueTin() : Tenant.CustomerTin;
        var target = await UploadAsync(TestInvoices.Build(num, TestInvoices.Today, Tenant.SellerTin, customer), num);
        var expected = failing ? "\"FAILED\"" : "\"CREATED\"";
        await Poller.UntilAsync(() => Http.GetStringAsync($"api/v1/invoices/{target.Id}/status"),
            status => status.Contains(expected, StringComparison.Ordinal), $"invoice {target.Id} to be {expected}");
        return target;
    }

    private async Task<InvoiceTarget> UploadAsync(string body, string num = "")
    {
        using var response = await Http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = Tenant.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = Tenant.Sign(body), signatureType = "COMPANY" } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(202), text);
        var id = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        return new InvoiceTarget(id, num, TestInvoices.Today);
    }

    public void Dispose()
    {
        Http.Dispose();
        Soap.Dispose();
        Tenant.Dispose();
    }
}
