using System.Security.Cryptography.X509Certificates;

namespace Esf.Infrastructure.Security;

/// <summary>The trusted CA certificates and their CRLs, read from the configured files.</summary>
public sealed record TrustMaterial(IReadOnlyList<X509Certificate2> Authorities, IReadOnlyList<CertificateRevocationList> RevocationLists)
{
    public static TrustMaterial Load(SecurityOptions options)
    {
        var authorities = options.TrustedCaPaths.SelectMany(LoadCertificates).ToList();
        var lists = options.CrlPaths.Select(path => CertificateRevocationList.Load(ReadDer(path, "X509 CRL"), authorities)).ToList();
        return new TrustMaterial(authorities, lists);
    }

    /// <summary>When any file changed, the material is read again (CRLs are replaced daily in production).</summary>
    public static string Stamp(SecurityOptions options) => string.Join('|',
        options.TrustedCaPaths.Concat(options.CrlPaths).Select(path => $"{path}@{File.GetLastWriteTimeUtc(path).Ticks}"));

    private static IEnumerable<X509Certificate2> LoadCertificates(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(text);
            return collection;
        }

        return [X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path))];
    }

    private static byte[] ReadDer(string path, string pemLabel)
    {
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        return text.StartsWith("-----BEGIN " + pemLabel, StringComparison.Ordinal)
            ? Convert.FromBase64String(string.Concat(text.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal))))
            : bytes;
    }
}
