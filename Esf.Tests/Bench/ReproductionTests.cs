using Esf.Bench;
using NUnit.Framework;
using static Esf.Tests.Bench.BenchRuns;

namespace Esf.Tests.Bench;

/// <summary>
/// Issue 17's Done-when: consecutive <c>bench/run.sh</c> on a fresh clone write rows within a tenth of each other. The bench
/// compares its figures with the last claim row of the same load on the same machine and says whether they hold.
/// </summary>
[TestFixture]
public sealed class ReproductionTests
{
    // The made-up runs of BenchRuns: 10,000 invoices each; gateway 300, worker 200, PostgreSQL 150 µs of CPU per invoice.
    private static readonly string Machine = Report.Machine();

    [Test]
    public void Reproduce_TakesTheLastClaimRowOfTheSameLoadOnThisMachine()
    {
        string[] table =
        [
            Row("2026-12-05 11:57", "1111111", "invoice, 20,000 × 3", "2,900 (2,800–3,000; 7 %)", "claim: medians of 3 clean run(s)"),
            Row("2026-12-05 12:00", "2222222", "invoice, 20,000 × 4", "2,950 (2,900–3,200; 10 %)", "claim: medians of 3 clean run(s); run(s) 4 excluded"),
            Row("2026-12-05 12:02", "3333333", "invoice, 20,000 × 3", "1,000", "NOT A CLAIM (1 clean of 3; a claim needs 3 clean runs): medians of 1 clean run(s)"),
            Row("2026-12-05 12:03", "4444444", "warehouse, 20,000 × 3", "2,000 (1,900–2,100; 10 %)", "claim: medians of 3 clean run(s)"),
            Row("2026-12-05 12:04", "5555555", "invoice, 2,000 × 3", "2,000 (1,900–2,100; 10 %)", "claim: medians of 3 clean run(s)"),
            Row("2026-12-05 12:05", "6666666", "invoice, 20,000 × 3", "1,250 (1,240–1,260; 2 %)", "claim: medians of 3 clean run(s); paced at 1,250/s"),
            Row("2026-12-05 12:06", "7777777", "invoice, 20,000 × 3", "2,000 (1,900–2,100; 10 %)", "claim: medians of 3 clean run(s)", machine: "4 × Intel Xeon, 16 GB"),
            Row("2026-12-05 12:07", "8888888", "invoice, 20,000 × 3", "2,000 (1,900–2,100; 10 %)", "claim: medians of 3 clean run(s)", batch: "500"),
        ];

        var reproduction = Report.Reproduce(Summary(Run(1, 2_900), Run(2, 3_000), Run(3, 3_100)), table);

        Assert.That(reproduction?.Earlier, Is.EqualTo(new ClaimRow("2026-12-05 12:00", "2222222", 2_950, 300, 200, 150)));
    }

    [Test]
    public void Holds_WhenEveryFigureIsWithinATenthOfTheRow_IsTrueAndSaysByHowMuch()
    {
        var reproduction = Report.Reproduce(Summary(Run(1, 2_900), Run(2, 3_000), Run(3, 3_100)),
            [Row("2026-12-05 11:57", "1111111", "invoice, 20,000 × 3", "2,950 (2,900–3,200; 10 %)", "claim: medians of 3 clean run(s)", cpu: "310 (2 %) / 190 (3 %) / 155 (1 %)")]);

        Assert.Multiple(() =>
        {
            Assert.That(reproduction!.Holds, Is.True);
            Assert.That(reproduction.Describe(), Is.EqualTo(
                "against the claim row of 2026-12-05 11:57 (1111111): registered/s 2,950 → 3,000 (+1.7 %), CPU µs per document gateway 310 → 300 (−3.2 %), "
                + "worker 190 → 200 (+5.3 %), PostgreSQL 155 → 150 (−3.2 %); every figure within 10 %"));
        });
    }

    [Test]
    public void Holds_WhenAFigureMovedByMoreThanATenth_IsFalseAndNamesIt()
    {
        var reproduction = Report.Reproduce(Summary(Run(1, 2_900), Run(2, 3_000), Run(3, 3_100)),
            [Row("2026-12-05 11:57", "1111111", "invoice, 20,000 × 3", "2,600 (2,500–2,700; 8 %)", "claim: medians of 3 clean run(s)", cpu: "300 (2 %) / 200 (3 %) / 180 (1 %)")]);

        Assert.Multiple(() =>
        {
            Assert.That(reproduction!.Holds, Is.False);
            Assert.That(reproduction.Describe(), Does.EndWith("; MORE THAN 10 % apart: registered/s, PostgreSQL"));
        });
    }

    [Test]
    public void Reproduce_WhenNoEarlierClaimRowHasThisLoad_IsNull()
    {
        var summary = Summary(Run(1, 2_900), Run(2, 3_000), Run(3, 3_100));

        Assert.That(Report.Reproduce(summary, [Row("2026-12-05 12:03", "4444444", "warehouse, 20,000 × 3", "2,000", "claim: medians of 3 clean run(s)")]), Is.Null);
    }

    [Test]
    public void Reproduce_WhenThisBenchIsPaced_IsNull()
    {
        var summary = Summary(Run(1, 2_900), Run(2, 3_000), Run(3, 3_100)) with { Options = Options.Parse(["--rate", "1250"]) };

        Assert.That(Report.Reproduce(summary, [Row("2026-12-05 11:57", "1111111", "invoice, 20,000 × 3", "2,950", "claim: medians of 3 clean run(s)")]), Is.Null);
    }

    [Test]
    public void Append_NotesTheComparisonInTheNewRow()
    {
        var root = Directory.CreateTempSubdirectory("esf-bench-rows-").FullName;
        try
        {
            var path = Path.Combine(root, "BENCHMARKS.md");
            File.WriteAllLines(path,
            [
                .. Report.Header().Split('\n'),
                Row("2026-12-05 11:57", "1111111", "invoice, 20,000 × 3", "2,950 (2,900–3,200; 10 %)", "claim: medians of 3 clean run(s)"),
                Report.RowsMarker,
                Row("2026-11-25 06:46", "9999999", "invoice, 20,000 × 3", "9,000", "claim: a row of another table, below the marker"),
            ]);

            Report.Append(Summary(Run(1, 2_900), Run(2, 3_000), Run(3, 3_100)), root);

            var added = File.ReadAllLines(path).Single(l => l.Contains("abc1234", StringComparison.Ordinal));
            Assert.That(added, Does.EndWith("| claim: medians of 3 clean run(s); against the claim row of 2026-12-05 11:57 (1111111): "
                + "registered/s +1.7 %, CPU µs per document +0.0 / +0.0 / +0.0 %: within 10 % |"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A row of the results table as <see cref="Report.Append"/> writes it (only the cells compared are meaningful).</summary>
    private static string Row(string when, string commit, string load, string registered, string notes,
        string cpu = "300 (2 %) / 200 (3 %) / 150 (1 %)", string? machine = null, string batch = "100") =>
        $"| {when} | {commit} | {machine ?? Machine} | 61,000 (1 %) / 15,000 (2 %) / 0.25 (5 %) | {load} | {batch} | 8 | 3,000 (5 %) | {registered} "
        + $"| 0.25 / 0.40 / 0.45 | {cpu} | 255 / 213 | 90 / 3 / 28 / 75 | 7,000 | 0.43 | 0.3 / 4.5 / 21 / 86 | 12,000 | 0.24 | {notes} |";
}
