using System.Net;
using System.Security.Cryptography.X509Certificates;
using Esf.Api.Cli;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>POST /api/v1/sandbox/keys, revocation and the CA's certificate and CRL: the gateway trusts the sandbox CA while it is on.</summary>
[TestFixture]
public sealed class Issuing_test_keys
{
    [Test]
    public async Task Should_issue_a_key_the_gateway_accepts_for_login_chained_to_the_downloadable_ca()
    {
        using var sandbox = new SandboxClient();
        var head = await sandbox.CreatePartyAsync();

        using var login = await head.LogInAsync(sandbox.Http);
        var ca = X509CertificateLoader.LoadCertificate(await sandbox.Http.GetByteArrayAsync("api/v1/sandbox/ca.cer"));

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Created), await login.Content.ReadAsStringAsync());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.That(chain.Build(head.SignCertificate), Is.True, "the key chains to GET /sandbox/ca.cer");
        Assert.That(head.SignCertificate.Subject, Does.Contain("IIN" + head.Login).And.Contain("BIN" + head.Tin));
    }

    [Test]
    public async Task Should_list_a_revoked_key_in_the_crl_and_refuse_it()
    {
        using var sandbox = new SandboxClient();
        var head = await sandbox.CreatePartyAsync();

        using var revoke = await sandbox.PostAsync($"keys/{head.AuthSerialNumber}/revoke", new { });
        using var login = await head.LogInAsync(sandbox.Http);
        var crl = await sandbox.Http.GetByteArrayAsync("api/v1/sandbox/ca.crl");

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var problem = await ProblemAssertions.AssertProblemAsync(login, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("CERTIFICATE_REVOKED"));
        Assert.That(Convert.ToHexString(crl), Does.Contain(head.AuthSerialNumber), "the CRL lists the serial number");
    }

    [Test]
    public async Task Should_issue_a_gost_key_that_signs_invoices_until_it_is_revoked()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        var gost = await sandbox.IssueKeyAsync(world.Seller.Login, world.Seller.Tin, "SIGN", "GOST");
        var certificate = gost.Certificate;
        using var _ = certificate;
        using var seller = await world.Seller.SessionAsync();

        var signed = await SandboxInvoices.WaitUntilProcessedAsync(seller, await SandboxInvoices.UploadAsync(seller, gost, SandboxInvoices.Body(world)));
        using var revoke = await sandbox.PostAsync($"keys/{gost.SerialNumber}/revoke", new { });
        var afterRevocation = await SandboxInvoices.WaitUntilProcessedAsync(seller, await SandboxInvoices.UploadAsync(seller, gost, SandboxInvoices.Body(world)));
        var ca = X509CertificateLoader.LoadCertificate(await sandbox.Http.GetByteArrayAsync("api/v1/sandbox/ca.cer?algorithm=GOST"));
        var crl = await sandbox.Http.GetByteArrayAsync("api/v1/sandbox/ca.crl?algorithm=GOST");

        Assert.That(certificate.Subject, Does.Contain("IIN" + world.Seller.Login).And.Contain("BIN" + world.Seller.Tin));
        Assert.That(CertificateChain.ChainsToTrustedRoot(certificate, [ca], DateTimeOffset.UtcNow), Is.True, "the key chains to GET /sandbox/ca.cer?algorithm=GOST");
        Assert.That(signed.GetProperty("status").GetString(), Is.EqualTo("CREATED"), signed.ToString());
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterRevocation.GetProperty("status").GetString(), Is.EqualTo("FAILED"), afterRevocation.ToString());
        Assert.That(afterRevocation.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()), Does.Contain("GEN-01"),
            "a revoked key fails the signature check, as with НУЦ РК keys");
        Assert.That(CertificateRevocationList.Load(crl, [ca]).IsRevoked(certificate), Is.True, "the GOST CRL, signed by the GOST CA, lists the key");
    }

    [Test]
    public async Task Should_log_in_with_a_gost_auth_key_until_it_is_revoked()
    {
        using var sandbox = new SandboxClient();
        var (tin, login) = await sandbox.CreateHeadAsync();
        var gost = await sandbox.IssueKeyAsync(login, tin, "AUTH", "GOST");
        using var __ = gost.Certificate;
        var head = new SandboxParty(tin, login, gost, gost);

        using var before = await head.LogInAsync(sandbox.Http);
        using var revoke = await sandbox.PostAsync($"keys/{gost.SerialNumber}/revoke", new { });
        using var after = await head.LogInAsync(sandbox.Http);

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Created), await before.Content.ReadAsStringAsync());
        var problem = await ProblemAssertions.AssertProblemAsync(after, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("CERTIFICATE_REVOKED"));
    }

    [Test]
    public async Task Should_issue_a_gost_pkcs12_the_cli_opens_and_signs_with()
    {
        using var sandbox = new SandboxClient();
        var (tin, login) = await sandbox.CreateHeadAsync();
        var issued = await sandbox.CreateAsync("keys", new { iin = login, bin = tin, purpose = "SIGN", algorithm = "GOST" });
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, Convert.FromBase64String(issued.GetProperty("pkcs12").GetString()!));
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(issued.GetProperty("certificate").GetString()!));

        string signature;
        using (var key = SigningKey.FromPkcs12(path, issued.GetProperty("password").GetString()))
        {
            signature = key.Sign("счёт-фактура");
            Assert.That((key.Algorithm, key.Iin), Is.EqualTo((GostAlgorithm.Gost2015512.Name, login)));
        }

        File.Delete(path);
        Assert.That(InvoiceSignatureVerifier.Verify("счёт-фактура", signature, certificate), Is.True, "the CLI signs with the key of the returned certificate");
        Assert.That(certificate.SerialNumber, Is.EqualTo(issued.GetProperty("serialNumber").GetString()));
    }

    [TestCase("SIGN", "RSA", "BOSS", TestName = "Should_refuse_an_unknown_role")]
    [TestCase("BOTH", "RSA", null, TestName = "Should_refuse_an_unknown_purpose")]
    [TestCase("SIGN", "DSA", null, TestName = "Should_refuse_an_unknown_algorithm")]
    public async Task Should_refuse(string purpose, string algorithm, string? role)
    {
        using var sandbox = new SandboxClient();

        using var response = await sandbox.PostAsync("keys", new { iin = "123456789013", purpose, algorithm, role });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_answer_404_when_revoking_an_unknown_key()
    {
        using var sandbox = new SandboxClient();

        using var response = await sandbox.PostAsync("keys/00AA/revoke", new { });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
