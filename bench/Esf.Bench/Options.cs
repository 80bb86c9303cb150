using System.Globalization;

namespace Esf.Bench;

/// <summary>
/// The bench's command line: <c>esf-bench [--invoices N] [--batch N] [--senders N] [--soap [FRACTION]] [--quick] [--amqp URI] [--no-append]</c>.
/// </summary>
/// <param name="SoapFraction">The share of the senders that use SOAP instead of REST: 0 without <c>--soap</c>, 0.5 for a bare <c>--soap</c>.</param>
public sealed record Options(
    int Invoices, int Batch, int Senders, double SoapFraction, bool Quick, string? AmqpUri, bool Append, bool Cleanup, string Root)
{
    public const int DefaultInvoices = 20_000;
    public const int QuickInvoices = 2_000;
    public const double DefaultSoapFraction = 0.5;

    /// <summary>How many senders use SOAP: the fraction of <see cref="Senders"/>, rounded, at least one when the fraction is above 0.</summary>
    public int SoapSenders => SoapFraction > 0 ? Math.Max(1, (int)Math.Round(Senders * SoapFraction, MidpointRounding.AwayFromZero)) : 0;

    /// <summary>Where the bench keeps its PostgreSQL cluster, logs and pid file (git-ignored).</summary>
    public string WorkDirectory => Path.Combine(Root, ".esf", "bench");

    public string PidFile => Path.Combine(WorkDirectory, "pids");

    public static Options Parse(string[] args)
    {
        int? invoices = null;
        var batch = 100;
        var senders = 8;
        var soap = 0.0;
        var quick = false;
        var append = true;
        var cleanup = false;
        string? amqp = null;
        var root = Directory.GetCurrentDirectory();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var n and > 0
                ? n : throw new ArgumentException($"{args[i]} must be positive");
            switch (args[i])
            {
                case "--invoices": invoices = NextInt(); break;
                case "--batch": batch = NextInt(); break;
                case "--senders": senders = NextInt(); break;
                case "--soap":
                    soap = DefaultSoapFraction;
                    if (i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
                    {
                        soap = fraction is >= 0 and <= 1 ? fraction : throw new ArgumentException("--soap takes a fraction from 0 to 1");
                        i++;
                    }

                    break;
                case "--quick": quick = true; break;
                case "--amqp": amqp = Next(); break;
                case "--root": root = Path.GetFullPath(Next()); break;
                case "--no-append": append = false; break;
                case "--cleanup": cleanup = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. {Usage}");
            }
        }

        return new Options(invoices ?? (quick ? QuickInvoices : DefaultInvoices), batch, senders, soap, quick, amqp, append, cleanup, root);
    }

    public const string Usage =
        "Options: --invoices N (default 20000), --batch N (100), --senders N (8), --soap [FRACTION] (that share of the senders uses SOAP; 0.5 when no FRACTION is given, REST only without --soap), --quick (2000 invoices), --no-append (do not write BENCHMARKS.md).";
}
