using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;
using NUnit.Framework;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;

namespace Esf.Tests.Security.Gost;

/// <summary>Every known answer of shared/reference/kz-gost-test-pki/README.md, and the negatives that must fail.</summary>
[TestFixture]
public sealed class Verifying_gost_known_answers
{
    /// <summary>RFC 6986 §10.1, message M1 ("012345678901234567890123456789012345678901234567890123456789012").</summary>
    private const string Rfc6986M1 = "012345678901234567890123456789012345678901234567890123456789012";

    [Test]
    public void Streebog512_OfRfc6986M1_StartsWith1b54d01a()
    {
        var digest = Hex(GostAlgorithm.Gost2015512.Hash(Encoding.ASCII.GetBytes(Rfc6986M1)));

        Assert.That(digest, Does.StartWith("1b54d01a"));
    }

    [Test]
    public void Gost3411WithTheTestSBox_OfTheEmptyString_StartsWithce85b99c()
    {
        var digest = Hex(GostAlgorithm.Gost2004.Hash([]));

        Assert.That(digest, Does.StartWith("ce85b99c"));
    }

    [Test]
    public void RootCertificate_OfTheNcaTestPki_VerifiesItsOwnSignature()
    {
        using var root = KzGostTestPki.Root;

        Assert.That(SignatureVerifier.VerifySignedBy(SignedStructure.Read(root.RawData), root), Is.True);
    }

    [Test]
    public void IssuingCa_OfTheNcaTestPki_IsSignedByTheRoot()
    {
        using var root = KzGostTestPki.Root;
        using var issuing = KzGostTestPki.IssuingCa;

        Assert.That(SignatureVerifier.VerifySignedBy(SignedStructure.Read(issuing.RawData), root), Is.True);
        Assert.That(SignatureVerifier.VerifySignedBy(SignedStructure.Read(issuing.RawData), issuing), Is.False, "not signed by itself");
    }

    [Test]
    public void Crl_OfTheIssuingCa_IsSignedByItAndListsTheRevokedKeys()
    {
        using var issuing = KzGostTestPki.IssuingCa;
        using var root = KzGostTestPki.Root;

        var crl = CertificateRevocationList.Load(File.ReadAllBytes(KzGostTestPki.CrlPath), [root, issuing]);

        Assert.That(crl.NextUpdate, Is.EqualTo(new DateTimeOffset(2027, 2, 7, 3, 49, 19, TimeSpan.Zero)));
        Assert.That(crl.Count, Is.EqualTo(195));
        foreach (var role in KzGostTestPki.LegalRoles)
        {
            using var revoked = KzGostTestPki.Legal(role, revoked: true).Certificate;
            Assert.That(crl.IsRevoked(revoked), Is.True, $"revoked {role}");
        }

        using var revokedIndividual = KzGostTestPki.Individual(revoked: true).Certificate;
        Assert.That(crl.IsRevoked(revokedIndividual), Is.True);

        // This CRL (number 166, 11.08.2026) also lists two keys of the "valid" folder, revoked after the files were published.
        foreach (var role in KzGostTestPki.LegalRoles)
        {
            using var valid = KzGostTestPki.Legal(role).Certificate;
            Assert.That(crl.IsRevoked(valid), Is.EqualTo(KzGostTestPki.RevokedSincePublished.Contains(role)), $"valid {role}");
        }

        using var individual = KzGostTestPki.Individual().Certificate;
        Assert.That(crl.IsRevoked(individual), Is.False);
    }

    [Test]
    public void Crl_SignedByTheIssuingCa_IsRefusedWhenOnlyTheRootIsTrusted()
    {
        using var root = KzGostTestPki.Root;

        Assert.That(() => CertificateRevocationList.Load(File.ReadAllBytes(KzGostTestPki.CrlPath), [root]),
            Throws.InstanceOf<System.Security.Cryptography.CryptographicException>().With.Message.Contains("not signed by a trusted CA"));
    }

    [Test]
    public void EveryTestKey_OfThe2022Pki_IsSignedByTheIssuingCaAndItsScalarGivesTheCertificatesPoint()
    {
        using var issuing = KzGostTestPki.IssuingCa;
        var files = Directory.GetFiles(KzGostTestPki.Path("nca-test-2022-gost512"), "*.p12", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.EqualTo(12));
        foreach (var file in files)
        {
            // Load itself checks d·G = Q: it refuses a key that no certificate in the file matches.
            var (certificate, key) = KzGostTestPki.Load(file);
            using (certificate)
            {
                Assert.That(key.Algorithm, Is.SameAs(GostAlgorithm.Gost2015512), file);
                Assert.That(GostPublicKey.From(certificate)!.Matches(key.D), Is.True, file);
                Assert.That(SignatureVerifier.VerifySignedBy(SignedStructure.Read(certificate.RawData), issuing), Is.True, file);
            }
        }
    }

    [Test]
    public void CmsOfAsdasd_Signed2004_HasTheTestSBoxDigestAndVerifies()
    {
        using var certificate = Certificate2004();
        var signed = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(
            File.ReadAllBytes(KzGostTestPki.Path("nca-test-2020-gost2004", "GOSTKNCA_13a3741b.attached-asdasd.cms.der")))).Content);
        var content = Asn1OctetString.GetInstance(signed.EncapContentInfo.Content).GetOctets();
        var signer = SignerInfo.GetInstance(signed.SignerInfos[0]);
        var messageDigest = new Org.BouncyCastle.Asn1.Cms.AttributeTable(signer.SignedAttrs)[CmsAttributes.MessageDigest].AttrValues[0];

        var digest = GostAlgorithm.Gost2004.Hash(content);

        Assert.That(Encoding.ASCII.GetString(content), Is.EqualTo("asdasd"));
        Assert.That(Hex(digest), Does.StartWith("08a5e8f4").And.EndWith("3f72b6"));
        Assert.That(Asn1OctetString.GetInstance(messageDigest).GetOctets(), Is.EqualTo(digest));
        Assert.That(GostPublicKey.From(certificate)!.Verify(signer.SignedAttrs.GetDerEncoded(), signer.Signature.GetOctets()), Is.True);
    }

    [Test]
    public void CmsOfAsdasd_HashedWithTheCryptoProSBox_GivesAnotherDigest()
    {
        var cryptoPro = new Gost3411Digest(Gost28147Engine.GetSBox("D-A"));
        cryptoPro.BlockUpdate(Encoding.ASCII.GetBytes("asdasd"));
        var digest = new byte[32];
        cryptoPro.DoFinal(digest, 0);

        Assert.That(Hex(digest), Does.StartWith("a8f71c0e"));
        Assert.That(digest, Is.Not.EqualTo(GostAlgorithm.Gost2004.Hash(Encoding.ASCII.GetBytes("asdasd"))));
    }

    [Test]
    public void EnvelopedXml_Signed2004_VerifiesWithTheCertificateInKeyInfo()
    {
        var (document, certificate) = EnvelopedXmlSignature.Verify(
            File.ReadAllText(KzGostTestPki.Path("nca-test-2020-gost2004", "GOSTKNCA_13a3741b.enveloped.xml")), "root");

        using (certificate)
        {
            Assert.That(document.DocumentElement!.LocalName, Is.EqualTo("root"));
            Assert.That(certificate.RawData, Is.EqualTo(Certificate2004().RawData));
        }
    }

    [Test]
    public void OracleVectors_Of2015Gost512_DigestScalarAndSignatureAgree()
    {
        var vectors = OracleVectors();
        var key = GostPublicKey.FromSubjectPublicKeyInfo(Convert.FromHexString(vectors["spki"]))!;
        var d = new Org.BouncyCastle.Math.BigInteger(vectors["d"], 16);

        Assert.That(Hex(GostAlgorithm.Gost2015512.Hash(Encoding.UTF8.GetBytes(vectors["msg"]))), Is.EqualTo(vectors["digest"]));
        Assert.That(key.Matches(d), Is.True, "d·G = Q");
        Assert.That(key.Verify(Encoding.UTF8.GetBytes(vectors["msg"]), Convert.FromHexString(vectors["sig"])), Is.True);
        using var certificate = OracleCertificate();
        Assert.That(GostPublicKey.From(certificate)!.Verify(Encoding.UTF8.GetBytes(vectors["msg"]), Convert.FromHexString(vectors["sig"])), Is.True,
            "the certificate's key is the vectors' Q");
    }

    [Test]
    public void OracleXml_Signed2015WithThePkigovkzUris_Verifies()
    {
        using var certificate = OracleCertificate();

        Assert.That(CheckXml(File.ReadAllText(KzGostTestPki.Path("kalkan-oracle-gost512", "test_gost512.xml_simple.xml")), certificate), Is.True);
    }

    [Test]
    public void OracleSignature_WithOneFlippedBit_DoesNotVerify()
    {
        var vectors = OracleVectors();
        var key = GostPublicKey.FromSubjectPublicKeyInfo(Convert.FromHexString(vectors["spki"]))!;
        var message = Encoding.UTF8.GetBytes(vectors["msg"]);
        var signature = Convert.FromHexString(vectors["sig"]);
        var flippedSignature = (byte[])signature.Clone();
        flippedSignature[17] ^= 0x01;
        var flippedMessage = (byte[])message.Clone();
        flippedMessage[0] ^= 0x01;

        Assert.That(key.Verify(message, flippedSignature), Is.False, "signature bit");
        Assert.That(key.Verify(flippedMessage, signature), Is.False, "message bit");
    }

    [Test]
    public void OracleSignature_InBouncyCastlesUnmodifiedLayout_DoesNotVerify()
    {
        var vectors = OracleVectors();
        var key = GostPublicKey.FromSubjectPublicKeyInfo(Convert.FromHexString(vectors["spki"]))!;
        var message = Encoding.UTF8.GetBytes(vectors["msg"]);
        // RFC 4491 / BouncyCastle's Gost3410DigestSigner layout is s ‖ r big-endian: the byte reversal of Kalkan's.
        var rfc4491 = Convert.FromHexString(vectors["sig"]).Reverse().ToArray();

        Assert.That(key.Verify(message, rfc4491), Is.False);
        Assert.That(() => Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(Convert.FromHexString(vectors["spki"])), Throws.Exception,
            "BouncyCastle's own key factory does not know the 1.2.398 OIDs: the key is decoded by hand");
    }

    [Test]
    public void OracleSignature_WithAKeyThatDoesNotMatchTheCertificate_DoesNotVerify()
    {
        var vectors = OracleVectors();
        using var other = KzGostTestPki.Legal("head").Certificate;

        Assert.That(GostPublicKey.From(other)!.Verify(Encoding.UTF8.GetBytes(vectors["msg"]), Convert.FromHexString(vectors["sig"])), Is.False);
        Assert.That(CheckXml(File.ReadAllText(KzGostTestPki.Path("kalkan-oracle-gost512", "test_gost512.xml_simple.xml")), other), Is.False);
    }

    [Test]
    public void Xml2004_HashedWithTheCryptoProSBox_DoesNotVerify()
    {
        // The same document checked as if ГОСТ 34.311-95 used BouncyCastle's default (CryptoPro) S-box: digests differ, nothing verifies.
        var xml = File.ReadAllText(KzGostTestPki.Path("nca-test-2020-gost2004", "GOSTKNCA_13a3741b.enveloped.xml"));
        using var certificate = Certificate2004();
        var key = GostPublicKey.From(certificate)!;
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var signedInfo = (XmlElement)document.GetElementsByTagName("SignedInfo", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var canonical = new XmlDsigC14NTransform();
        var copy = new XmlDocument { PreserveWhitespace = true };
        copy.LoadXml(signedInfo.OuterXml);
        canonical.LoadInput(copy);
        var bytes = ((MemoryStream)canonical.GetOutput(typeof(Stream))).ToArray();
        var signature = Convert.FromBase64String(document.GetElementsByTagName("SignatureValue", SignedXml.XmlDsigNamespaceUrl)[0]!.InnerText);
        var cryptoPro = new Gost3411Digest(Gost28147Engine.GetSBox("D-A"));
        cryptoPro.BlockUpdate(bytes);
        var wrongHash = new byte[32];
        cryptoPro.DoFinal(wrongHash, 0);

        Assert.That(key.VerifyHash(GostAlgorithm.Gost2004.Hash(bytes), signature), Is.True, "the test S-box verifies");
        Assert.That(key.VerifyHash(wrongHash, signature), Is.False, "the CryptoPro S-box does not");
    }

    [Test]
    public void PublicKey_Of256BitGost2015_IsNotAccepted()
    {
        // 1.2.398.3.10.1.1.2.1 (ГОСТ 34.10-2015 256) has no test material, so no key of it is read (docs/security.md).
        Assert.That(GostAlgorithm.ForPublicKey("1.2.398.3.10.1.1.2.1"), Is.Null);
        Assert.That(GostAlgorithm.ForSignature("1.2.398.3.10.1.1.2.3.1"), Is.Null);
    }

    private static bool CheckXml(string xml, X509Certificate2 certificate)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return EnvelopedXmlSignature.CheckSignature((XmlElement)document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!, certificate);
    }

    private static X509Certificate2 Certificate2004() => X509CertificateLoader.LoadCertificateFromFile(
        KzGostTestPki.Path("nca-test-2020-gost2004", "GOSTKNCA_13a3741b52d7bf860aab199b56fad1f4652e357b.cer.der"));

    private static X509Certificate2 OracleCertificate() =>
        X509Certificate2.CreateFromPem(File.ReadAllText(KzGostTestPki.Path("kalkan-oracle-gost512", "test_gost512.cer.pem")));

    private static Dictionary<string, string> OracleVectors() =>
        File.ReadAllLines(KzGostTestPki.Path("kalkan-oracle-gost512", "test_gost512.vectors"))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
