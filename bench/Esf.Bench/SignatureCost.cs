using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Bench;

/// <summary>
/// <c>esf-bench signature-cost [--invoices N] [--pkcs12 gost.p12] [--password pw]</c>: the in-process cost of verifying one
/// invoice signature, RSA-2048 PKCS#1 SHA-256 against ГОСТ 34.10-2015 512 (Streebog-512), on the bench's own invoice bodies:
/// the worker's path (key read once per batch, then one check per invoice) on one core, then on every core. No services needed.
/// The GOST key is an НУЦ РК test key (by default shared/reference/kz-gost-test-pki/…/legal/valid/head.p12 above the folder).
/// </summary>
public static class SignatureCost
{
    public static int Run(string[] args)
    {
        var invoices = 2_000;
        string? pkcs12 = null;
        var password = "Qwerty12";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--invoices": invoices = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pkcs12": pkcs12 = args[++i]; break;
                case "--password": password = args[++i]; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}: signature-cost [--invoices N] [--pkcs12 gost.p12] [--password pw]"); return 2;
            }
        }

        pkcs12 ??= FindSharedKey() ?? throw new FileNotFoundException("No GOST key: pass --pkcs12 (e.g. shared/reference/kz-gost-test-pki/nca-test-2022-gost512/legal/valid/head.p12).");
        var (gostCertificate, gostKey) = GostPkcs12.Load(File.ReadAllBytes(pkcs12), password);
        using var rsaCertificate = CertificateFactory.Create("БЕНЧ", "880101300123", "123456789021");
        var sender = new Sender(0, "123456789021", "123456789022", "880101300123", rsaCertificate);
        var date = DateTime.UtcNow.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var bodies = Enumerable.Range(0, invoices).Select(i => InvoiceFactory.Body((1_000 + i).ToString(CultureInfo.InvariantCulture), date, sender, i)).ToArray();
        using var rsaPrivate = rsaCertificate.GetRSAPrivateKey()!;
        var rsaSignatures = bodies.Select(b => InvoiceSignatureVerifier.Sign(b, rsaPrivate)).ToArray();
        var gostSignatures = bodies.Select(b => InvoiceSignatureVerifier.Sign(b, gostKey)).ToArray();

        using var rsa = rsaCertificate.GetRSAPublicKey()!;
        var gost = GostPublicKey.From(gostCertificate)!;
        var rsaMicros = MicrosPerInvoice(invoices, i => Check(InvoiceSignatureVerifier.Verify(bodies[i], rsaSignatures[i], rsa)));
        var gostMicros = MicrosPerInvoice(invoices, i => Check(InvoiceSignatureVerifier.Verify(bodies[i], gostSignatures[i], gost)));
        var rsaKeyMicros = MicrosPerInvoice(invoices, _ =>
        {
            using var key = rsaCertificate.GetRSAPublicKey()!;
        });
        var gostKeyMicros = MicrosPerInvoice(invoices, _ => Check(GostPublicKey.From(gostCertificate) is not null));
        // As the worker does: one RSA object per thread (they are not documented as thread-safe), one shared GOST key.
        using var perThread = new ThreadLocal<RSA>(() => rsaCertificate.GetRSAPublicKey()!, trackAllValues: true);
        var rsaParallel = PerSecond(invoices, i => Check(InvoiceSignatureVerifier.Verify(bodies[i], rsaSignatures[i], perThread.Value!)));
        var gostParallel = PerSecond(invoices, i => Check(InvoiceSignatureVerifier.Verify(bodies[i], gostSignatures[i], gost)));
        gostCertificate.Dispose();

        Console.WriteLine($"Signature verify cost per invoice ({invoices} invoices, body {bodies.Average(b => System.Text.Encoding.UTF8.GetByteCount(b)) / 1024:0.0} KB, "
            + $"{Environment.ProcessorCount} cores, {Report.Machine()})");
        Console.WriteLine("| algorithm | verify CPU µs/invoice (1 core) | key from certificate CPU µs (once per batch) | verifies/s (all cores, wall clock) |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| RSA-2048 PKCS#1 SHA-256 | {rsaMicros:0.0} | {rsaKeyMicros:0.0} | {rsaParallel:0} |");
        Console.WriteLine($"| ГОСТ 34.10-2015 512, Streebog-512 | {gostMicros:0.0} | {gostKeyMicros:0.0} | {gostParallel:0} |");
        Console.WriteLine($"GOST / RSA per invoice: {gostMicros / rsaMicros:0.0}×");
        return 0;
    }

    private static string? FindSharedKey()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "reference", "kz-gost-test-pki", "nca-test-2022-gost512", "legal", "valid", "head.p12");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// One core: a warm-up pass, then the average of a second pass in CPU time of this process (not wall time), so that
    /// other work on a shared machine does not inflate it.
    /// </summary>
    private static double MicrosPerInvoice(int count, Action<int> work)
    {
        for (var i = 0; i < count; i++)
        {
            work(i);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            work(i);
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
    }

    private static double PerSecond(int count, Action<int> work)
    {
        Parallel.For(0, count, work);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, count, work);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new CryptographicException("A signature did not verify.");
        }
    }
}
