using System.Text;
using NUnit.Framework;

namespace Esf.Tests.Cli;

[TestFixture]
public sealed class Signing_an_invoice
{
    private static readonly byte[] Invoice =
        Encoding.UTF8.GetBytes("<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num><name>ТОО «Продавец»</name></v2:invoice>");

    [Test]
    public async Task Should_print_a_signature_over_the_file_that_verifies_with_the_certificate()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var pkcs12 = TestKeys.WritePkcs12(run, certificate);
        run.Write("invoice.xml", Invoice);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml", "--pkcs12", pkcs12, "--password", TestKeys.Pkcs12Password);

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TestKeys.Verifies(certificate, Invoice, result.Out.Trim()), Is.True, result.ToString());
    }

    [Test]
    public async Task Should_sign_with_a_pem_key_and_certificate()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var (key, cert) = TestKeys.WritePem(run, certificate);
        run.Write("invoice.xml", Invoice);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml", "--key", key, "--cert", cert);

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TestKeys.Verifies(certificate, Invoice, result.Out.Trim()), Is.True);
    }

    [Test]
    public async Task Should_sign_the_text_without_its_byte_order_mark()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var pkcs12 = TestKeys.WritePkcs12(run, certificate);
        run.Write("invoice.xml", [.. Encoding.UTF8.Preamble, .. Invoice]);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml", "--pkcs12", pkcs12, "--password", TestKeys.Pkcs12Password);

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TestKeys.Verifies(certificate, Invoice, result.Out.Trim()), Is.True, "the signature covers the body without its BOM");
    }

    [Test]
    public async Task Should_write_the_certificate_to_send_with_the_signature()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var pkcs12 = TestKeys.WritePkcs12(run, certificate);
        run.Write("invoice.xml", Invoice);

        // Act
        var toFile = await run.SignAsync(
            "--invoice", "invoice.xml", "--pkcs12", pkcs12, "--password", TestKeys.Pkcs12Password, "--certificate-out", "cert.b64");
        var toOutput = await run.SignAsync(
            "--invoice", "invoice.xml", "--pkcs12", pkcs12, "--password", TestKeys.Pkcs12Password, "--certificate-out");

        // Assert
        var expected = Convert.ToBase64String(certificate.RawData);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toFile.ExitCode, Is.Zero, toFile.ToString());
            Assert.That(await File.ReadAllTextAsync(run.Path("cert.b64")), Is.EqualTo(expected));
            Assert.That(toOutput.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[1],
                Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task Should_use_the_demo_key_when_no_key_is_named()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        TestKeys.WritePkcs12(run, certificate, ".esf/demo.p12");
        var demo = $$"""{"pkcs12Path": ".esf/demo.p12", "pkcs12Password": "{{TestKeys.Pkcs12Password}}"}""";
        run.Write(".esf/demo.json", Encoding.UTF8.GetBytes(demo));
        run.Write("invoice.xml", Invoice);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TestKeys.Verifies(certificate, Invoice, result.Out.Trim()), Is.True);
    }

    [Test]
    public async Task Should_fail_clearly_for_a_missing_invoice_file()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var pkcs12 = TestKeys.WritePkcs12(run, certificate);

        // Act
        var result = await run.SignAsync("--invoice", "missing.xml", "--pkcs12", pkcs12, "--password", TestKeys.Pkcs12Password);

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("Invoice file not found").And.Contain("missing.xml"));
    }

    [Test]
    public async Task Should_fail_clearly_for_a_wrong_pkcs12_password()
    {
        // Arrange
        using var run = new CliRun();
        using var certificate = TestKeys.CreateCertificate();
        var pkcs12 = TestKeys.WritePkcs12(run, certificate);
        run.Write("invoice.xml", Invoice);

        // Act
        var result = await run.SignAsync("--invoice", "invoice.xml", "--pkcs12", pkcs12, "--password", "wrong");

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("wrong password"));
    }

    [Test]
    public async Task Should_refuse_an_unknown_option_with_the_usage()
    {
        // Arrange
        using var run = new CliRun();

        // Act
        var result = await run.SignAsync("--invoce", "invoice.xml");

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("Unknown option --invoce").And.Contain("Usage: esf sign"));
    }
}
