using System.Security.Cryptography;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// Registers the GOST XML-DSig URIs with <see cref="CryptoConfig"/> (process-wide, once), which is where
/// <see cref="System.Security.Cryptography.Xml.SignedXml"/> looks up signature methods and digest methods by URI.
/// </summary>
public static class GostXmlAlgorithms
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        CryptoConfig.AddAlgorithm(typeof(Gost2015512SignatureDescription), GostAlgorithm.Gost2015512.XmlSignatureUri);
        CryptoConfig.AddAlgorithm(typeof(Streebog512XmlHash), GostAlgorithm.Gost2015512.XmlDigestUri);
        CryptoConfig.AddAlgorithm(typeof(Gost2004SignatureDescription), GostAlgorithm.Gost2004.XmlSignatureUri);
        CryptoConfig.AddAlgorithm(typeof(Gost34311XmlHash), GostAlgorithm.Gost2004.XmlDigestUri);
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
