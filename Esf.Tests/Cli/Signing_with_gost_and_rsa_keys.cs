using System.Security.Cryptography.X509Certificates;
using System.Text;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;
using Esf.Tests.Security.Gost;
using NUnit.Framework;

namespace Esf.Tests.Cli;

/// <summary><c>esf sign</c> for invoice bodies, id lists and auth tickets, with an НУЦ РК GOST PKCS#12 key and with an RSA one.</summary>
[TestFixture]
public sealed class Signing_with_gost_and_rsa_keys
{
    private static readonly byte[] Invoice =
        Encoding.UTF8.GetBytes("<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num><name>ТОО «Продавец»</name></v2:invoice>");

    private const string Ticket = "<authSign><timeMark>1</timeMark><state>NONCE=</state><iin>123456789011</iin><ttlInMinutes>30</ttlInMinutes></authSign>";

    [Test]
    public async Task Should_sign_an_invoice_with_a_gost_pkcs12_key()
    {
        // Arrange
        using var run = new CliRun();
        run.Write("invoice.xml", Invoice);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml", "--pkcs12", HeadPkcs12, "--password", KzGostTestPki.Password, "--certificate-out");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(lines[1]));
        Assert.That(Convert.FromBase64String(lines[0]), Has.Length.EqualTo(128), "ГОСТ 34.10-2015 512: r ‖ s, 64 bytes each");
        Assert.That(GostPublicKey.From(certificate)!.Verify(Invoice, Convert.FromBase64String(lines[0])), Is.True);
    }

    [Test]
    public async Task Should_sign_an_id_list_with_a_gost_key_as_the_gateway_checks_it()
    {
        // Arrange
        using var run = new CliRun();
        run.Write("ids.txt", Encoding.UTF8.GetBytes("20113995733614592|ошибка в цене\r\n\r\n20114103046471680|двойная выписка\n"));
        StatusChangeItem[] items = [new(20113995733614592, "ошибка в цене"), new(20114103046471680, "двойная выписка")];
        using var certificate = KzGostTestPki.Legal("head").Certificate;

        // Act
        var result = await run.SignAsync("--ids", "ids.txt", "--pkcs12", HeadPkcs12, "--password", KzGostTestPki.Password);

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(InvoiceSignatureVerifier.Verify(StatusChangeSignature.CanonicalText(items), result.Out.Trim(), certificate), Is.True);
    }

    [Test]
    public async Task Should_sign_an_id_list_with_an_rsa_key()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var pkcs12 = TestKeys.WritePkcs12(run, certificate);
        run.Write("ids.txt", Encoding.UTF8.GetBytes("42\n43\n"));

        // Act
        var result = await run.SignAsync("--ids", "ids.txt", "--pkcs12", pkcs12, "--password", TestKeys.Pkcs12Password);

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TestKeys.Verifies(certificate, Encoding.UTF8.GetBytes("42\n43"), result.Out.Trim()), Is.True);
    }

    [Test]
    public async Task Should_refuse_an_id_list_line_that_is_not_an_id()
    {
        // Arrange
        using var run = new CliRun();
        run.Write("ids.txt", Encoding.UTF8.GetBytes("42|ok\nabc|no\n"));

        // Act
        var result = await run.SignAsync("--ids", "ids.txt", "--pkcs12", HeadPkcs12, "--password", KzGostTestPki.Password);

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("ids.txt:2").And.Contain("'abc' is not an invoice id"));
    }

    [TestCase("gost")]
    [TestCase("rsa")]
    public async Task Should_sign_the_auth_ticket_as_enveloped_xml_dsig(string kind)
    {
        // Arrange
        using var run = new CliRun();
        using var rsa = TestKeys.CreateCertificate();
        var pkcs12 = kind == "gost" ? HeadPkcs12 : TestKeys.WritePkcs12(run, rsa);
        run.Write("ticket.xml", Encoding.UTF8.GetBytes(Ticket));

        // Act
        var result = await run.SignAsync("--ticket", "ticket.xml", "--pkcs12", pkcs12, "--password", kind == "gost" ? KzGostTestPki.Password : TestKeys.Pkcs12Password);

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var (document, certificate) = EnvelopedXmlSignature.Verify(result.Out.Trim(), "authSign");
        using (certificate)
        {
            Assert.That(document.DocumentElement!["iin"]!.InnerText, Is.EqualTo("123456789011"));
            Assert.That(result.Out, Does.Contain(kind == "gost" ? GostAlgorithm.Gost2015512.XmlSignatureUri : "rsa-sha256"));
        }
    }

    [Test]
    public async Task Should_refuse_a_gost_pkcs12_with_a_wrong_password()
    {
        // Arrange
        using var run = new CliRun();
        run.Write("invoice.xml", Invoice);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml", "--pkcs12", HeadPkcs12, "--password", "wrong");

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("Cannot open").And.Contain("wrong password"));
    }

    private static string HeadPkcs12 => KzGostTestPki.Path("nca-test-2022-gost512", "legal", "valid", "head.p12");
}
