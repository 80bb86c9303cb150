using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Signatures.Gost;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Verifies an enveloped XML-DSig document (the signed auth ticket; reusable for any signed XML): one Signature, a child of
/// the root, with one Reference to the whole document (URI=""), so nothing outside the signed content can be slipped in
/// (signature wrapping), and the signer's certificate from KeyInfo/X509Data. Read without DTDs and with a small size cap.
/// RSA through SignedXml as it is; GOST (the pkigovkz and xmldsig-more URIs) through the same SignedXml pipeline, with the
/// GOST methods registered by <see cref="GostXmlAlgorithms"/> and the key the certificate holds (see docs/security.md).
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

        return CheckSignature((XmlElement)signatures[0]!, certificate) ? (document, certificate) : throw EsfException.Code("SIGNATURE_VERIFICATION_FAILED");
    }

    /// <summary>
    /// Checks the ds:Signature <paramref name="signature"/> of its document with <paramref name="certificate"/>'s key: a GOST key
    /// through the registered GOST methods, any other through SignedXml's own. A method of another key type (e.g. an RSA URI
    /// with a GOST key) verifies nothing.
    /// </summary>
    public static bool CheckSignature(XmlElement signature, X509Certificate2 certificate)
    {
        try
        {
            var signed = new SignedXml(signature.OwnerDocument);
            signed.LoadXml(signature);
            if (GostPublicKey.From(certificate) is { } gost)
            {
                GostXmlAlgorithms.EnsureRegistered();
                var signedInfo = signature.ChildNodes.OfType<XmlElement>()
                    .Single(e => e.LocalName == "SignedInfo" && e.NamespaceURI == SignedXml.XmlDsigNamespaceUrl);
                var canonical = SignedInfoCanonicalizer.Canonicalize(signedInfo, signed.SignedInfo!.CanonicalizationMethod);
                return signed.SignedInfo.SignatureMethod == gost.Algorithm.XmlSignatureUri
                    && signed.CheckSignature(new GostXmlKey(gost, gost.Algorithm.Hash(canonical)));
            }

            return signed.CheckSignature(certificate, verifySignatureOnly: true);
        }
        catch (Exception e) when (e is CryptographicException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            // E.g. a signature method nobody registered, or a key SignedXml cannot use.
            return false;
        }
    }

    /// <summary>Signs a document the way clients (NCALayer, the SDK) do: enveloped, the certificate in KeyInfo; RSA-SHA256.</summary>
    public static string Sign(string xml, X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate holds no RSA private key.");
        return Sign(xml, certificate, key, SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigSHA256Url);
    }

    /// <summary>Signs with a GOST key as NCALayer does: the algorithm's pkigovkz or xmldsig-more URIs, Kalkan's signature layout.</summary>
    public static string Sign(string xml, X509Certificate2 certificate, GostPrivateKey key)
    {
        GostXmlAlgorithms.EnsureRegistered();
        return Sign(xml, certificate, new GostXmlKey(key), key.Algorithm.XmlSignatureUri, key.Algorithm.XmlDigestUri);
    }

    private static string Sign(string xml, X509Certificate2 certificate, AsymmetricAlgorithm key, string signatureMethod, string digestMethod)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var signed = new SignedXml(document) { SigningKey = key };
        var reference = new Reference("");
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NWithCommentsTransform());
        reference.DigestMethod = digestMethod;
        signed.AddReference(reference);
        signed.SignedInfo!.SignatureMethod = signatureMethod;
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
