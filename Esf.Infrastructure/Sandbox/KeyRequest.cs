using Esf.Infrastructure.Security;

namespace Esf.Infrastructure.Sandbox;

/// <summary>A key for the holder <paramref name="Iin"/> (of the entity <paramref name="Bin"/>, if any), for one purpose and НУЦ РК role.</summary>
public sealed record KeyRequest(string Iin, string? Bin, string Name, CertificatePurpose Purpose, string? Role, KeyAlgorithm Algorithm = KeyAlgorithm.Rsa);

/// <summary>The sandbox's two test CAs: RSA, and GOST (ГОСТ 34.10-2015 512-bit, as the НУЦ РК issues).</summary>
public enum KeyAlgorithm
{
    Rsa,
    Gost,
}

/// <summary>An issued key: PKCS#12 (Base64) with its password, and the certificate (Base64 DER) as clients send it.</summary>
public sealed record IssuedKey(string SerialNumber, string Pkcs12, string Password, string Certificate);
