using System.Globalization;

namespace Esf.Bench;

/// <summary>
/// The bench's command line: <c>esf-bench [--invoices N] [--batch N] [--senders N] [--soap [FRACTION]] [--quick] [--full]
/// [--rate N] [--feed] [--export-invoices N] [--export-format xml|jsonl] [--repeat N] [--scenario NAME] [--warm-up-rounds N]
/// [--amqp URI] [--no-append]</c>.
/// </summary>
/// <param name="SoapFraction">The share of the senders that use SOAP instead of REST: 0 without <c>--soap</c>, 0.5 for a bare <c>--soap</c>.</param>
/// <param name="Rate">Invoices/s the senders are paced to (0: as fast as they can).</param>
/// <param name="HalfRateRun">--full: a second, paced run at half the registered/s the first one measured.</param>
/// <param name="ExportInvoices">Invoices generated in SQL and exported over HTTP after the load (0: no export phase).</param>
/// <param name="Repeat">How many times the whole measurement runs (fresh database and services each time); figures are medians.</param>
/// <param name="Scenario">What is sent: <see cref="Scenarios"/> names the scenarios there are.</param>
/// <param name="WarmUpRounds">Warm-up rounds before the clock; null: as many as it takes to settle (at most <see cref="WarmUp.MaxRounds"/>),
/// 0: the single small upload per sender of the bench before issue 17.</param>
public sealed record Options(
    int Invoices, int Batch, int Senders, double SoapFraction, bool Quick, string? AmqpUri, bool Append, bool Cleanup, string Root,
    double Rate = 0, bool Feed = false, bool HalfRateRun = false, int ExportInvoices = 0, string ExportFormat = "xml",
    int Repeat = Options.DefaultRepeat, string Scenario = Scenarios.Default, int? WarmUpRounds = null)
{
    /// <summary>A figure is a claim only as the median of at least this many undisturbed runs.</summary>
    public const int DefaultRepeat = 3;

    /// <summary><c>openssl speed -seconds</c> of the calibration: 1 s per operation with --quick, else 2 s.</summary>
    public int CalibrationSeconds => Quick ? 1 : 2;

    public const int FullExportInvoices = 1_000_000;

    /// <summary>Whether the second results table (export, feed lag, paced latency) gets a row.</summary>
    public bool Extras => Feed || HalfRateRun || ExportInvoices > 0 || Rate > 0;

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
        var (rate, feed, full, exportFormat) = (0.0, false, false, "xml");
        int? exportInvoices = null;
        var (repeat, scenario) = (DefaultRepeat, Scenarios.Default);
        int? warmUpRounds = null;
        var root = Directory.GetCurrentDirectory();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            // The option's name is read before Next() moves past it: the message names the option, not its value.
            int NextInt() => args[i] is var option && int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var n and > 0
                ? n : throw new ArgumentException($"{option} must be positive");
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
                case "--full": full = true; break;
                case "--feed": feed = true; break;
                case "--rate": rate = NextInt(); break;
                case "--export-invoices": exportInvoices = NextInt(); break;
                case "--export-format":
                    exportFormat = Next() is "xml" or "jsonl" ? args[i] : throw new ArgumentException("--export-format takes xml or jsonl");
                    break;
                case "--repeat": repeat = NextInt(); break;
                case "--scenario":
                    scenario = Scenarios.Check(Next());
                    break;
                case "--warm-up-rounds":
                    warmUpRounds = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var rounds and >= 0
                        ? rounds : throw new ArgumentException("--warm-up-rounds must be 0 or more");
                    break;
                case "--amqp": amqp = Next(); break;
                case "--root": root = Path.GetFullPath(Next()); break;
                case "--no-append": append = false; break;
                case "--cleanup": cleanup = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. {Usage}");
            }
        }

        if (soap > 0 && Scenarios.SoapRefusal(scenario) is { } refusal)
        {
            throw new ArgumentException(refusal);
        }

        return new Options(invoices ?? (quick ? QuickInvoices : DefaultInvoices), batch, senders, soap, quick, amqp, append, cleanup, root,
            rate, feed || full, full, exportInvoices ?? (full ? FullExportInvoices : 0), exportFormat, repeat, scenario, warmUpRounds);
    }

    public const string Usage =
        "Options: --invoices N (default 20000), --batch N (100), --senders N (8), --soap [FRACTION] (that share of the senders uses SOAP; 0.5 when no FRACTION is given, REST only without --soap), --quick (2000 invoices), "
        + "--rate N (pace the senders to N invoices/s), --feed (follow the change feed during the load and report its lag), "
        + "--export-invoices N (generate N invoices in SQL and export them over HTTP), --export-format xml|jsonl (xml), "
        + "--full (--feed, --export-invoices 1000000 and a second run paced at half the measured registered/s), --no-append (do not write BENCHMARKS.md), "
        + "--repeat N (3: the measurement runs N times, each figure is the median with its spread), --scenario invoice|waybill|warehouse (what is sent: plain invoices, waybills, or invoices drawing goods from the virtual warehouse; waybill and warehouse are REST only), "
        + "--warm-up-rounds N (warm-up rounds before the clock; default: until the services' CPU per document settles; 0: one small upload per sender).";
}
