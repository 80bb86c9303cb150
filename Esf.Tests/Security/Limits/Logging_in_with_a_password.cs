using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>The legacy login (password and a presented certificate): the hardening of security review M4.</summary>
[TestFixture]
[NonParallelizable]
public sealed class Logging_in_with_a_password
{
    private const string Area = "Rate limits";

    [Test]
    public async Task Should_lock_out_a_login_guessed_from_many_addresses()
    {
        // Arrange: guesses spread over addresses, each under its per-IP login limit.
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var neighbour = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var first = LimitedGateway.Fixture.CreateClientFrom("127.0.0.6");
        using var second = LimitedGateway.Fixture.CreateClientFrom("127.0.0.7");
        using var owner = LimitedGateway.Fixture.CreateClientFrom("127.0.0.8");

        // Act
        var guesses = new List<HttpStatusCode>();
        for (var n = 0; n < LimitedGateway.Logins; n++)
        {
            guesses.Add(await LogInAsync(n % 2 == 0 ? first : second, tenant, "Guess" + n));
        }

        var rightPassword = await LogInAsync(owner, tenant, tenant.Password);
        var neighbourLogin = await LogInAsync(owner, neighbour, neighbour.Password);

        // Assert
        Assert.That(guesses, Is.All.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(rightPassword, Is.EqualTo(HttpStatusCode.TooManyRequests), "the login is locked out, whoever knows the password");
        Assert.That(neighbourLogin, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.OK), "other logins are not");
        AttackLog.Record(Area, $"Guess one login's password {LimitedGateway.Logins} times from two addresses (under each per-IP limit)",
            "The login is locked out (429 RATE_LIMITED, Esf:RateLimiting:FailedLoginsPerLogin); other logins unaffected");
    }

    [Test]
    public async Task Should_refuse_a_certificate_that_names_no_iin()
    {
        // Arrange: the right password with a certificate whose subject has no SERIALNUMBER=IIN….
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var anonymous = CertificateWithoutIin();
        using var client = LimitedGateway.Fixture.CreateClientFrom("127.0.0.9");

        // Act
        using var response = await client.PostAsJsonAsync("api/v1/sessions", new
        {
            tin = tenant.SellerTin, certificate = Convert.ToBase64String(anonymous.RawData), login = tenant.UserIin, password = tenant.Password,
        });

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("IIN_NOT_VALID"));
        AttackLog.Record(Area, "Log in with the right password and a certificate that names no ИИН", "IIN_NOT_VALID (422): the certificate must name the login");
    }

    private static X509Certificate2 CertificateWithoutIin()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Nobody, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static async Task<HttpStatusCode> LogInAsync(HttpClient client, TestTenant tenant, string password)
    {
        using var response = await client.PostAsJsonAsync("api/v1/sessions",
            new { tin = tenant.SellerTin, certificate = tenant.CertificateBase64, login = tenant.UserIin, password });
        return response.StatusCode;
    }
}
