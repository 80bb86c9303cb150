using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esf.Infrastructure.Security;

/// <summary>The trusted CA certificates and their CRLs, read from the configured files.</summary>
public sealed record TrustMaterial(IReadOnlyList<X509Certificate2> Authorities, IReadOnlyList<CertificateRevocationList> RevocationLists)
{
    /// <summary>Reads every file; <see cref="TrustMaterialException"/> names the setting and the file that could not be used.</summary>
    public static TrustMaterial Load(SecurityOptions options)
    {
        var authorities = options.TrustedCaPaths
            .SelectMany((path, i) => Read($"{SecurityOptions.Section}:TrustedCaPaths:{i}", path, LoadCertificates)).ToList();
        var lists = options.CrlPaths
            .Select((path, i) => Read($"{SecurityOptions.Section}:CrlPaths:{i}", path, file => CertificateRevocationList.Load(ReadDer(file, "X509 CRL"), authorities)))
            .ToList();
        return new TrustMaterial(authorities, lists);
    }

    /// <summary>When any file changed, the material is read again (CRLs are replaced daily in production).</summary>
    public static string Stamp(SecurityOptions options) => string.Join('|',
        options.TrustedCaPaths.Concat(options.CrlPaths).Select(path => $"{path}@{File.GetLastWriteTimeUtc(path).Ticks}"));

    private static T Read<T>(string setting, string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or AsnContentException or FormatException or ArgumentException)
        {
            throw new TrustMaterialException($"{setting}: cannot use '{path}': {e.Message}", e);
        }
    }

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
