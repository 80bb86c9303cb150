using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>What <see cref="SandboxClient.CreateWorldAsync"/> made: a seller and a customer, each with its head and the head's keys.</summary>
public sealed record SandboxWorld(SandboxParty Seller, SandboxParty Customer);

/// <summary>
/// A key the sandbox issued: its certificate, its serial number and how to sign with its private key (an RSA key travels in the
/// certificate; a GOST key is read from the PKCS#12 beside it, as Kalkan clients hold it).
/// </summary>
public sealed record SandboxKey(X509Certificate2 Certificate, string SerialNumber, Func<string, string> Sign)
{
    /// <summary>The certificate as clients send it (Base64 DER).</summary>
    public string CertificateBase64 => CertificateFactory.ToBase64(Certificate);
}

/// <summary>An enterprise made through the sandbox, its head's login, AUTH key (to log in) and SIGN key (to sign documents and id lists).</summary>
public sealed record SandboxParty(string Tin, string Login, SandboxKey Auth, SandboxKey Signing)
{
    public const string Password = "Sandbox2026pass";

    public X509Certificate2 AuthCertificate => Auth.Certificate;

    public X509Certificate2 SignCertificate => Signing.Certificate;

    public string AuthSerialNumber => Auth.SerialNumber;

    /// <summary>Signs a body or an id list with the SIGN key (<c>signature</c> of an upload or a status change).</summary>
    public string Sign(string text) => Signing.Sign(text);

    /// <summary>POST /api/v1/sessions as the head, with the AUTH key.</summary>
    public Task<HttpResponseMessage> LogInAsync(HttpClient http) => http.PostAsJsonAsync("api/v1/sessions",
        new { tin = Tin, certificate = CertificateFactory.ToBase64(AuthCertificate), login = Login, password = Password });

    /// <summary>createSession over SOAP as the head, with the AUTH key and the UsernameToken: answers the session id.</summary>
    public async Task<string> SoapSessionAsync(RawSoapClient soap)
    {
        var reply = await soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{Tin}</tin><x509Certificate>{CertificateFactory.ToBase64(AuthCertificate)}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(Login, Password)));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        return reply.Element("sessionId")!;
    }

    /// <summary>A client of the gateway logged in as the head (bearer session).</summary>
    public async Task<HttpClient> SessionAsync()
    {
        var http = SandboxGateway.Fixture.CreateClient();
        using var response = await LogInAsync(http);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("sessionId").GetString());
        return http;
    }
}
