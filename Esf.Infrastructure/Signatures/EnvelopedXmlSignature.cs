using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Verifies an enveloped XML-DSig document (the signed auth ticket; reusable for any signed XML): one Signature, a child of
/// the root, with one Reference to the whole document (URI=""), so nothing outside the signed content can be slipped in
/// (signature wrapping), and the signer's certificate from KeyInfo/X509Data. Read without DTDs and with a small size cap.
/// RSA signatures only: .NET's SignedXml knows no GOST algorithm (see docs/security.md).
/// </summary>
public static class EnvelopedXmlSignature
{
    public const int MaxCharacters = 64_000;

    /// <summary>The verified document and the certificate that signed it; throws SIGNATURE_INVALID_FORMAT or SIGNATURE_VERIFICATION_FAILED.</summary>
    public static (XmlDocument Document, X509Certificate2 Certificate) Verify(string? signedXml, string rootName)
    {
        var document = Load(signedXml);
        var root = document.DocumentElement;
        var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (root is null || root.LocalName != rootName || root.NamespaceURI.Length != 0 || signatures.Count != 1
            || signatures[0]!.ParentNode != root)
        {
            throw EsfException.Code("SIGNATURE_INVALID_FORMAT");
        }

        var signed = new SignedXml(document);
        X509Certificate2? certificate;
        try
        {
            signed.LoadXml((XmlElement)signatures[0]!);
            certificate = signed.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(data => data.Certificates?.Cast<X509Certificate2>() ?? []).FirstOrDefault();
        }
        catch (CryptographicException)
        {
            throw EsfException.Code("SIGNATURE_INVALID_FORMAT");
        }

        if (certificate is null || signed.SignedInfo?.References.Count != 1 || signed.SignedInfo.References[0] is not Reference { Uri: "" })
        {
            throw EsfException.Code("SIGNATURE_INVALID_FORMAT");
        }

        bool valid;
        try
        {
            valid = signed.CheckSignature(certificate, verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            valid = false;
        }

        return valid ? (document, certificate) : throw EsfException.Code("SIGNATURE_VERIFICATION_FAILED");
    }

    /// <summary>Signs a document the way clients (NCALayer, the SDK) do: enveloped, exclusive of nothing, certificate in KeyInfo.</summary>
    public static string Sign(string xml, X509Certificate2 certificate)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("Only RSA keys are supported.");
        var signed = new SignedXml(document) { SigningKey = key };
        var reference = new Reference("");
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NWithCommentsTransform());
        reference.DigestMethod = SignedXml.XmlDsigSHA256Url;
        signed.AddReference(reference);
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.KeyInfo = new KeyInfo();
        signed.KeyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), true));
        return document.OuterXml;
    }

    private static XmlDocument Load(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCharacters)
        {
            throw EsfException.Code("SIGNATURE_INVALID_FORMAT");
        }

        var settings = SafeXml.ReaderSettings();
        settings.MaxCharactersInDocument = MaxCharacters;
        // Comments take part in the WithComments canonicalisation that clients sign with, so they are kept.
        settings.IgnoreComments = false;
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document.Load(reader);
        }
        catch (XmlException)
        {
            // Includes a DTD (entity expansion, external entities): refused by the reader before anything is resolved.
            throw EsfException.Code("SIGNATURE_INVALID_FORMAT");
        }

        return document;
    }
}
