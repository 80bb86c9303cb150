using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>An enterprise whose head (a <see cref="TestTenant"/>) enrols people over /api/v1/employees, and the people it enrols.</summary>
public sealed class Workplace : IDisposable
{
    private Workplace(GatewayFixture fixture, TestTenant head, HttpClient headHttp) => (Fixture, Head, HeadHttp) = (fixture, head, headHttp);

    public static DateOnly Today => ControlledClock.KazakhstanToday;

    /// <summary>The gateway the enterprise lives in (default: the participants'; the warehouse scenarios use theirs).</summary>
    public GatewayFixture Fixture { get; }

    public TestTenant Head { get; }

    /// <summary>The head's REST client (a session as ADMIN_ENTERPRISE).</summary>
    public HttpClient HeadHttp { get; }

    public static async Task<Workplace> OpenAsync(GatewayFixture? fixture = null)
    {
        fixture ??= ParticipantsGateway.Fixture;
        var head = await TestTenant.CreateAsync(fixture);
        return new Workplace(fixture, head, Client(await head.OpenSessionAsync(fixture), fixture));
    }

    public static HttpClient Client(string sessionId, GatewayFixture? fixture = null)
    {
        var http = (fixture ?? ParticipantsGateway.Fixture).CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }

    /// <summary>A user of ИС ЭСФ (the head of its own small enterprise), not yet an employee anywhere else.</summary>
    public static async Task<Person> RegisteredPersonAsync(GatewayFixture? fixture = null)
    {
        fixture ??= ParticipantsGateway.Fixture;
        var (iin, own) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        var registry = fixture.Get<RegistryWriter>();
        await registry.AddTaxpayerAsync(own, $"ИП «Сотрудник {iin}»");
        await registry.AddUserAsync(iin, TestTenant.DefaultPassword, own, "ENTREPRENEUR", "СОТРУДНИК", "ТЕСТОВ");
        return new Person(iin, CertificateFactory.Create("СОТРУДНИК ТЕСТОВ", iin, null), fixture);
    }

    /// <summary>Enrols a registered person and grants it <paramref name="rights"/> from today, open-ended.</summary>
    public async Task<Person> EnrolAsync(params string[] rights)
    {
        var person = await RegisteredPersonAsync(Fixture);
        using var added = await HeadHttp.PutAsync($"api/v1/employees/{person.Iin}", null);
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        foreach (var right in rights)
        {
            using var granted = await GrantAsync(HeadHttp, person.Iin, right, Today, null);
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        }

        return person;
    }

    public static Task<HttpResponseMessage> GrantAsync(HttpClient http, string iin, string right, DateOnly from, DateOnly? to) =>
        http.PutAsJsonAsync($"api/v1/employees/{iin}/rights/{right}", new { validFrom = from.ToString("yyyy-MM-dd"), validTo = to?.ToString("yyyy-MM-dd") });

    /// <summary>An invoice of the head's enterprise signed by <paramref name="signer"/>, as the REST upload body.</summary>
    public object InvoiceUpload(Person signer)
    {
        var body = TestInvoices.Build(Head);
        return new
        {
            certificate = signer.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = signer.Sign(body), signatureType = "COMPANY" } },
        };
    }

    /// <summary>A waybill of the head's enterprise signed by <paramref name="signer"/>, as the REST upload body.</summary>
    public object WaybillUpload(Person signer)
    {
        var body = TestWaybills.Build(Head.SellerTin, Head.CustomerTin);
        return new
        {
            certificate = signer.CertificateBase64,
            waybills = new[] { new { body, version = "SntV1", signature = signer.Sign(body), signatureType = "COMPANY" } },
        };
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose()
    {
        HeadHttp.Dispose();
        Head.Dispose();
    }

    /// <summary>A person with its own signing key; logs in for any enterprise it belongs to.</summary>
    public sealed class Person(string iin, X509Certificate2 certificate, GatewayFixture fixture) : IDisposable
    {
        public string Iin { get; } = iin;

        public string CertificateBase64 => CertificateFactory.ToBase64(certificate);

        public string Sign(string body)
        {
            using var key = certificate.GetRSAPrivateKey()!;
            return InvoiceSignatureVerifier.Sign(body, key);
        }

        public Task<string> LoginAsync(string tin) => fixture.Get<SessionService>().CreateAsync(
            new CreateSessionRequest(tin, CertificateBase64, Iin, TestTenant.DefaultPassword), CancellationToken.None);

        public async Task<HttpClient> ClientAsync(string tin) => Client(await LoginAsync(tin), fixture);

        public void Dispose() => certificate.Dispose();
    }
}
