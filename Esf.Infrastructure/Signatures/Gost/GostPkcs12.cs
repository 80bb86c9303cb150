using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Esf.Infrastructure.Signatures.Gost;

/// <summary>
/// Reads a GOST key and its certificate from an НУЦ РК PKCS#12 file. Neither .NET's loader nor BouncyCastle's
/// Pkcs12Store knows the 1.2.398 key OIDs, so the bags are opened here with BouncyCastle's PBE ciphers (3DES and RC2
/// with the PKCS#12 key derivation) and the private scalar is read by hand: an OCTET STRING of d, little-endian.
/// </summary>
public static class GostPkcs12
{
    private const int SaltBytes = 20;
    private const int Iterations = 2048;

    /// <summary>The certificate and the key; <see cref="CryptographicException"/> for a wrong password, a non-GOST key or a key no certificate matches.</summary>
    public static (X509Certificate2 Certificate, GostPrivateKey Key) Load(byte[] pkcs12, string password)
    {
        var secret = password.ToCharArray();
        var certificates = new List<byte[]>();
        GostPrivateKey? key = null;
        try
        {
            var pfx = Pfx.GetInstance(Asn1Object.FromByteArray(pkcs12));
            var safe = AuthenticatedSafe.GetInstance(Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets());
            foreach (var content in safe.GetContentInfo())
            {
                foreach (var element in Bags(content, secret))
                {
                    var bag = SafeBag.GetInstance(element);
                    if (bag.BagID.Equals(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag))
                    {
                        key = ReadKey(PrivateKeyInfoFactory.CreatePrivateKeyInfo(secret, EncryptedPrivateKeyInfo.GetInstance(bag.BagValue)));
                    }
                    else if (bag.BagID.Equals(PkcsObjectIdentifiers.CertBag))
                    {
                        certificates.Add(Asn1OctetString.GetInstance(CertBag.GetInstance(bag.BagValue).CertValue).GetOctets());
                    }
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidCipherTextException or IOException or InvalidCastException or SecurityUtilityException)
        {
            throw new CryptographicException($"Not a readable GOST PKCS#12 file, or a wrong password ({e.Message}).", e);
        }

        if (key is null)
        {
            throw new CryptographicException("The PKCS#12 file holds no GOST private key.");
        }

        foreach (var der in certificates)
        {
            var certificate = X509CertificateLoader.LoadCertificate(der);
            if (GostPublicKey.From(certificate) is { } publicKey && publicKey.Algorithm == key.Algorithm && publicKey.Matches(key.D))
            {
                return (certificate, key);
            }

            certificate.Dispose();
        }

        throw new CryptographicException("No certificate in the PKCS#12 file matches its private key.");
    }

    /// <summary>
    /// Writes <paramref name="certificate"/> and its <paramref name="key"/> as Kalkan does, so that <see cref="Load"/> and НУЦ РК
    /// clients read it: the key in a 3DES-shrouded bag with the certificate's own key algorithm and d as a little-endian OCTET
    /// STRING, the certificate in a 3DES-encrypted bag, and a SHA-1 MAC. BouncyCastle's Pkcs12Store would write the key under
    /// the Russian tc26 OIDs, which no НУЦ РК client reads, so the structure is built here.
    /// </summary>
    public static byte[] Write(X509Certificate2 certificate, GostPrivateKey key, string password)
    {
        var secret = password.ToCharArray();
        var keyAlgorithm = AlgorithmIdentifier.GetInstance(SubjectPublicKeyInfo.GetInstance(certificate.PublicKey.ExportSubjectPublicKeyInfo()).Algorithm);
        var d = new byte[key.Algorithm.CoordinateBytes];
        KalkanSignatureLayout.WriteLittleEndian(key.D, d);
        var shrouded = EncryptedPrivateKeyInfoFactory.CreateEncryptedPrivateKeyInfo(
            PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc.Id, secret, RandomNumberGenerator.GetBytes(SaltBytes), Iterations,
            new PrivateKeyInfo(keyAlgorithm, new DerOctetString(d)));
        var keyBags = new DerSequence(new SafeBag(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag, shrouded));
        var certificateBags = new DerSequence(new SafeBag(PkcsObjectIdentifiers.CertBag,
            new CertBag(PkcsObjectIdentifiers.X509Certificate, new DerOctetString(certificate.RawData))));
        var safe = new AuthenticatedSafe([
            new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(keyBags.GetEncoded(Asn1Encodable.Der))),
            Encrypted(certificateBags, secret),
        ]).GetEncoded(Asn1Encodable.Der);
        return new Pfx(new ContentInfo(PkcsObjectIdentifiers.Data, new DerOctetString(safe)), Mac(safe, secret)).GetEncoded(Asn1Encodable.Der);
    }

    private static ContentInfo Encrypted(Asn1Sequence bags, char[] password)
    {
        var algorithm = new AlgorithmIdentifier(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc,
            new Pkcs12PbeParams(RandomNumberGenerator.GetBytes(SaltBytes), Iterations));
        var cipher = (IBufferedCipher)PbeUtilities.CreateEngine(algorithm);
        cipher.Init(true, PbeUtilities.GenerateCipherParameters(algorithm, password));
        var content = new EncryptedData(PkcsObjectIdentifiers.Data, algorithm, new DerOctetString(cipher.DoFinal(bags.GetEncoded(Asn1Encodable.Der))));
        return new ContentInfo(PkcsObjectIdentifiers.EncryptedData, content);
    }

    /// <summary>The PKCS#12 integrity MAC: HMAC-SHA-1 under a key derived from the password (RFC 7292, appendix B).</summary>
    private static MacData Mac(byte[] safe, char[] password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var algorithm = OiwObjectIdentifiers.IdSha1;
        var parameters = PbeUtilities.GenerateCipherParameters(algorithm, password, false, PbeUtilities.GenerateAlgorithmParameters(algorithm, salt, Iterations));
        var mac = (IMac)PbeUtilities.CreateEngine(algorithm);
        mac.Init(parameters);
        return new MacData(new DigestInfo(new AlgorithmIdentifier(algorithm, DerNull.Instance), MacUtilities.DoFinal(mac, safe)), salt, Iterations);
    }

    private static Asn1Sequence Bags(ContentInfo content, char[] password)
    {
        if (content.ContentType.Equals(PkcsObjectIdentifiers.Data))
        {
            return Asn1Sequence.GetInstance(Asn1OctetString.GetInstance(content.Content).GetOctets());
        }

        var encrypted = EncryptedData.GetInstance(content.Content);
        var cipher = (IBufferedCipher)PbeUtilities.CreateEngine(encrypted.EncryptionAlgorithm);
        cipher.Init(false, PbeUtilities.GenerateCipherParameters(encrypted.EncryptionAlgorithm, password));
        return Asn1Sequence.GetInstance(cipher.DoFinal(encrypted.Content.GetOctets()));
    }

    private static GostPrivateKey ReadKey(PrivateKeyInfo info)
    {
        var algorithm = GostAlgorithm.ForPublicKey(info.PrivateKeyAlgorithm.Algorithm.Id)
            ?? throw new CryptographicException($"The private key is not a GOST key this gateway knows ({info.PrivateKeyAlgorithm.Algorithm.Id}).");
        // Kalkan writes d as an OCTET STRING, little-endian; an INTEGER (big-endian) is read too, for other tools' files.
        var inner = info.ParsePrivateKey();
        var d = inner is DerInteger integer
            ? integer.PositiveValue
            : KalkanSignatureLayout.LittleEndian(Asn1OctetString.GetInstance(inner).GetOctets());
        return new GostPrivateKey(algorithm, d);
    }
}
