using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Api.Rest.Sandbox;
using Esf.Infrastructure.Signatures.Gost;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>A client of /api/v1/sandbox/ holding the sandbox key, as an integrator's test scripts call it.</summary>
public sealed class SandboxClient : IDisposable
{
    public SandboxClient(string? key = SandboxGateway.Key)
    {
        Http = SandboxGateway.Fixture.CreateClient();
        if (key is not null)
        {
            Http.DefaultRequestHeaders.Add(SandboxFence.KeyHeader, key);
        }
    }

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync("api/v1/sandbox/" + path, body);

    /// <summary>Posts and expects 201 Created, answering the JSON body.</summary>
    public async Task<JsonElement> CreateAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToString());
        return json;
    }

    /// <summary>A ЮЛ with a generated БИН, a VAT payer: answers its tin.</summary>
    public async Task<string> CreateLegalEntityAsync() =>
        (await CreateAsync("taxpayers", new { kind = "LEGAL_ENTITY" })).GetProperty("tin").GetString()!;

    /// <summary>A seller and a customer (ЮЛ), each with a head and the head's RSA keys, all made through the sandbox API.</summary>
    public async Task<SandboxWorld> CreateWorldAsync() => new(await CreatePartyAsync(), await CreatePartyAsync());

    /// <summary>A ЮЛ, its head (ADMIN_ENTERPRISE) and the head's AUTH and SIGN keys.</summary>
    public async Task<SandboxParty> CreatePartyAsync()
    {
        var (tin, login) = await CreateHeadAsync();
        var (authentication, serial) = await IssueKeyAsync(login, tin, "AUTH");
        var (signing, _) = await IssueKeyAsync(login, tin, "SIGN");
        return new SandboxParty(tin, login, authentication, signing, serial);
    }

    /// <summary>A ЮЛ and its head (ADMIN_ENTERPRISE, password <see cref="SandboxParty.Password"/>), without keys.</summary>
    public async Task<(string Tin, string Login)> CreateHeadAsync()
    {
        var tin = await CreateLegalEntityAsync();
        var user = await CreateAsync("users", new
        {
            password = SandboxParty.Password, enterprises = new[] { new { tin, businessProfileType = "ADMIN_ENTERPRISE" } },
        });
        return (tin, user.GetProperty("login").GetString()!);
    }

    /// <summary>An RSA key of the head of <paramref name="bin"/>, loaded from the PKCS#12 with its password; and its serial number.</summary>
    public async Task<(X509Certificate2 Key, string SerialNumber)> IssueKeyAsync(string iin, string bin, string purpose)
    {
        var key = await CreateAsync("keys", new { iin, bin, purpose, role = "HEAD" });
        var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(key.GetProperty("pkcs12").GetString()!),
            key.GetProperty("password").GetString());
        return (certificate, key.GetProperty("serialNumber").GetString()!);
    }

    /// <summary>A GOST key of the head of <paramref name="bin"/>, read from the PKCS#12 as the CLI reads НУЦ РК files; and its serial number.</summary>
    public async Task<(X509Certificate2 Certificate, GostPrivateKey Key, string SerialNumber)> IssueGostKeyAsync(string iin, string bin, string purpose)
    {
        var issued = await CreateAsync("keys", new { iin, bin, purpose, role = "HEAD", algorithm = "GOST" });
        var (certificate, key) = GostPkcs12.Load(Convert.FromBase64String(issued.GetProperty("pkcs12").GetString()!), issued.GetProperty("password").GetString()!);
        return (certificate, key, issued.GetProperty("serialNumber").GetString()!);
    }

    public void Dispose() => Http.Dispose();
}
