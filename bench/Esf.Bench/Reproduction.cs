using System.Globalization;

namespace Esf.Bench;

/// <summary>A claim row of BENCHMARKS.md's results table read back: when, which commit, and the figures a new bench is compared on.</summary>
public sealed record ClaimRow(string When, string Commit, double RegisteredPerSecond, double GatewayMicros, double WorkerMicros, double PostgresMicros)
{
    // Cells of a row, in the order of Report.Header.
    private const int WhenCell = 0, CommitCell = 1, MachineCell = 2, LoadCell = 4, BatchCell = 5, SendersCell = 6, RegisteredCell = 8, CpuCell = 10;

    /// <summary>
    /// The last claim row among <paramref name="lines"/> whose machine, load (scenario and documents per run, not the number of
    /// runs), batch and senders are those of <paramref name="row"/> (the new row's cells), leaving out paced rows and rows with a
    /// fixed warm-up, which measure something else; null when there is none.
    /// </summary>
    public static ClaimRow? LastLike(IEnumerable<string> lines, IReadOnlyList<string> row) => lines
        .Select(Cells)
        .Where(cells => cells.Length == row.Count && IsPlainClaim(cells[^1])
            && cells[MachineCell] == row[MachineCell] && Load(cells) == Load(row)
            && cells[BatchCell] == row[BatchCell] && cells[SendersCell] == row[SendersCell])
        .Select(cells => cells[CpuCell].Split(" / ") is [var gateway, var worker, var postgres]
            ? new ClaimRow(cells[WhenCell], cells[CommitCell], Leading(cells[RegisteredCell]), Leading(gateway), Leading(worker), Leading(postgres))
            : null)
        .LastOrDefault(claim => claim is not null);

    /// <summary>A claim's Notes, of a load run as fast as it goes after a warm-up that settled.</summary>
    private static bool IsPlainClaim(string notes) =>
        notes.StartsWith("claim", StringComparison.Ordinal)
        && !notes.Contains("paced at", StringComparison.Ordinal) && !notes.Contains("--warm-up-rounds", StringComparison.Ordinal);

    /// <summary>"| a | b | c |" → [a, b, c]; a line that is not a table row gives no cells.</summary>
    private static string[] Cells(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 1 && trimmed[0] == '|' && trimmed[^1] == '|'
            ? trimmed[1..^1].Split('|').Select(c => c.Trim()).ToArray()
            : [];
    }

    /// <summary>"invoice, 20,000 × 3" → "invoice, 20,000".</summary>
    private static string Load(IReadOnlyList<string> cells) => cells[LoadCell].Split(" × ")[0];

    /// <summary>The number a cell begins with: "2,932 (2,814–3,223; 14 %)" → 2932; NaN when it begins with none.</summary>
    private static double Leading(string cell) =>
        double.TryParse(cell.Split(' ')[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}

/// <summary>
/// How a bench's medians compare with the last claim row of the same load on the same machine (issue 17's Done-when:
/// consecutive <c>bench/run.sh</c> on a fresh clone write rows within <see cref="Tolerance"/> of each other). Between two
/// commits it is their before and after.
/// </summary>
public sealed record Reproduction(ClaimRow Earlier, IReadOnlyList<Reproduction.Figure> Figures)
{
    public const double Tolerance = 0.10;

    public sealed record Figure(string Name, double Earlier, double Now)
    {
        public double Change => Now / Earlier - 1;

        public bool Holds => Math.Abs(Change) <= Tolerance;

        /// <summary>e.g. "+1.7 %".</summary>
        public string Percent => Change.ToString("+0.0 %;−0.0 %", CultureInfo.InvariantCulture);

        /// <summary>e.g. "+1.7" (percentage points, for a list that ends in one "%").</summary>
        public string Points => (Change * 100).ToString("+0.0;−0.0", CultureInfo.InvariantCulture);
    }

    public static Reproduction Of(ClaimRow earlier, BenchSummary s) => new(earlier,
    [
        new("registered/s", earlier.RegisteredPerSecond, s.Of(r => r.Load.RegisteredPerSecond).Median),
        new("gateway", earlier.GatewayMicros, s.Of(r => r.Micros(r.Gateway.CpuSeconds)).Median),
        new("worker", earlier.WorkerMicros, s.Of(r => r.Micros(r.Worker.CpuSeconds)).Median),
        new("PostgreSQL", earlier.PostgresMicros, s.Of(r => r.Micros(r.PostgresCpuSeconds)).Median),
    ]);

    public bool Holds => Figures.All(f => f.Holds);

    /// <summary>For the report: every figure then and now.</summary>
    public string Describe()
    {
        var (registered, cpu) = (Figures[0], Figures.Skip(1));
        return $"{Against}: registered/s {registered.Earlier:#,0} → {registered.Now:#,0} ({registered.Percent}), CPU µs per document "
            + string.Join(", ", cpu.Select(f => $"{f.Name} {f.Earlier:#,0} → {f.Now:#,0} ({f.Percent})"))
            + (Holds ? "; every figure within 10 %" : $"; MORE THAN 10 % apart: {string.Join(", ", Figures.Where(f => !f.Holds).Select(f => f.Name))}");
    }

    /// <summary>For the row's Notes: the changes only.</summary>
    public string Note() =>
        $"{Against}: registered/s {Figures[0].Percent}, CPU µs per document {string.Join(" / ", Figures.Skip(1).Select(f => f.Points))} %: "
        + (Holds ? "within 10 %" : $"MORE THAN 10 % apart ({string.Join(", ", Figures.Where(f => !f.Holds).Select(f => f.Name))})");

    private string Against => $"against the claim row of {Earlier.When} ({Earlier.Commit})";
}
