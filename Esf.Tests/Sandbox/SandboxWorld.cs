using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;

namespace Esf.Tests.Sandbox;

/// <summary>
/// What <see cref="SandboxClient.CreateWorldAsync"/> made: two enterprises, the seller's head and the head's AUTH key (serial
/// <paramref name="AuthSerialNumber"/>) and SIGN key.
/// </summary>
public sealed record SandboxWorld(
    string SellerTin, string CustomerTin, string Login, X509Certificate2 AuthCertificate, X509Certificate2 SignCertificate, string AuthSerialNumber)
{
    public const string Password = "Sandbox2026pass";

    public string CertificateBase64 => CertificateFactory.ToBase64(AuthCertificate);

    /// <summary>POST /api/v1/sessions as the head of the seller, with the sandbox key.</summary>
    public Task<HttpResponseMessage> LogInAsync(HttpClient http) =>
        http.PostAsJsonAsync("api/v1/sessions", new { tin = SellerTin, certificate = CertificateBase64, login = Login, password = Password });
}
