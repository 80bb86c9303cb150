using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Api.Rest.Sandbox;
using Esf.Infrastructure.Signatures;
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

    /// <summary>A seller and a customer (ЮЛ), each with a head and the head's keys (RSA or GOST), all made through the sandbox API.</summary>
    public async Task<SandboxWorld> CreateWorldAsync(string algorithm = "RSA") =>
        new(await CreatePartyAsync(algorithm), await CreatePartyAsync(algorithm));

    /// <summary>A ЮЛ, its head (ADMIN_ENTERPRISE) and the head's AUTH and SIGN keys.</summary>
    public async Task<SandboxParty> CreatePartyAsync(string algorithm = "RSA")
    {
        var (tin, login) = await CreateHeadAsync();
        return new SandboxParty(tin, login, await IssueKeyAsync(login, tin, "AUTH", algorithm), await IssueKeyAsync(login, tin, "SIGN", algorithm));
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

    /// <summary>
    /// A key of the head of <paramref name="bin"/>, read from the PKCS#12 with its password: an RSA one as .NET loads it, a GOST one as
    /// the CLI reads НУЦ РК files.
    /// </summary>
    public async Task<SandboxKey> IssueKeyAsync(string iin, string bin, string purpose, string algorithm = "RSA")
    {
        var issued = await CreateAsync("keys", new { iin, bin, purpose, role = "HEAD", algorithm });
        var (pkcs12, password, serial) = (Convert.FromBase64String(issued.GetProperty("pkcs12").GetString()!),
            issued.GetProperty("password").GetString()!, issued.GetProperty("serialNumber").GetString()!);
        if (algorithm == "GOST")
        {
            var (certificate, key) = GostPkcs12.Load(pkcs12, password);
            Assert.That(key.Algorithm, Is.EqualTo(GostAlgorithm.Gost2015512), "the sandbox issues ГОСТ 34.10-2015 512-bit keys");
            return new SandboxKey(certificate, serial, text => InvoiceSignatureVerifier.Sign(text, key));
        }

        var rsa = X509CertificateLoader.LoadPkcs12(pkcs12, password);
        return new SandboxKey(rsa, serial, text =>
        {
            using var key = rsa.GetRSAPrivateKey()!;
            return InvoiceSignatureVerifier.Sign(text, key);
        });
    }

    public void Dispose() => Http.Dispose();
}
