using Esf.Bench;
using NUnit.Framework;
using static Esf.Tests.Bench.BenchRuns;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class BenchSummaryTests
{
    [Test]
    public void Of_WhenARunWasDisturbed_TakesTheMedianOfTheCleanRunsOnly()
    {
        var summary = Summary(Run(1, 3_000), Run(2, 900, othersShare: 0.4), Run(3, 3_200), Run(4, 3_100));

        Assert.Multiple(() =>
        {
            Assert.That(summary.Of(r => r.Load.RegisteredPerSecond).Median, Is.EqualTo(3_100).Within(0.5));
            Assert.That(summary.IsClaim, Is.True);
            Assert.That(summary.Verdict(), Does.StartWith("claim: medians of 3 clean run(s); run(s) 2 excluded"));
        });
    }

    [Test]
    public void IsClaim_WhenFewerThanThreeCleanRuns_IsFalseAndTheVerdictSaysSo()
    {
        var summary = Summary(Run(1, 3_000), Run(2, 900, othersShare: 0.4), Run(3, 3_200));

        Assert.Multiple(() =>
        {
            Assert.That(summary.IsClaim, Is.False);
            Assert.That(summary.Verdict(), Does.StartWith("NOT A CLAIM (2 clean of 3; a claim needs 3 clean runs)"));
        });
    }

    [Test]
    public void Of_WhenEveryRunWasDisturbed_UsesThemAllButIsNoClaim()
    {
        var summary = Summary(Run(1, 1_000, othersShare: 0.3), Run(2, 1_200, othersShare: 0.5), Run(3, 1_100, othersShare: 0.2));

        Assert.Multiple(() =>
        {
            Assert.That(summary.Of(r => r.Load.RegisteredPerSecond).Median, Is.EqualTo(1_100).Within(0.5));
            Assert.That(summary.Verdict(), Does.Contain("medians of all 3 runs, none clean"));
            Assert.That(summary.IsClaim, Is.False);
        });
    }

    [Test]
    public void Clean_WhenTheWarmUpDidNotSettle_IsFalse()
    {
        var run = Run(1, 3_000, settled: false);

        Assert.That((run.Disturbed, run.Clean, run.Flaw), Is.EqualTo((false, false, "warm-up not settled")));
    }

    [Test]
    public void Disturbed_WhenOtherWorkTookATenthOfTheMachineDuringTheLimits_IsTrue()
    {
        var run = Run(1, 3_000) with { LimitsWindow = Window(othersShare: 0.15) };

        Assert.That((run.Disturbed, run.Flaw), Is.EqualTo((true, "disturbed during the limits: other processes used 3.0 CPU s (15 % of 2 cores)")));
    }

    [Test]
    public void Clean_WhenTheHostsSpeedMovedMoreThanATenthDuringTheLoad_IsFalseAndSaysByHowMuch()
    {
        var run = Run(1, 3_000) with { HostSpeed = new HostSpeed(50_000, 42_500) };

        Assert.That((run.Disturbed, run.Clean, run.Flaw), Is.EqualTo((true, false,
            "the host's speed moved during the load: RSA-2048 verify 50,000/s per core before it, 42,500/s after (−15 %)")));
    }

    [TestCase(50_000, 45_500)]
    [TestCase(50_000, 54_500)]
    [TestCase(double.NaN, 50_000)]
    public void Clean_WhenTheHostsSpeedHeldWithinATenthOrWasNotMeasured_IsTrue(double before, double after)
    {
        var run = Run(1, 3_000) with { HostSpeed = new HostSpeed(before, after) };

        Assert.That((run.Disturbed, run.Clean, run.Flaw), Is.EqualTo((false, true, (string?)null)));
    }

    [Test]
    public void Verdict_WhenACleanRunsHostRanATenthSlowerThanTheOthers_ExcludesItAndIsNoClaim()
    {
        var slowHost = Run(2, 2_487) with { HostSpeed = new HostSpeed(52_900, 57_100) };
        var summary = Summary(Run(1, 2_871) with { HostSpeed = new HostSpeed(66_000, 65_700) }, slowHost,
            Run(3, 2_850) with { HostSpeed = new HostSpeed(64_700, 62_200) });

        Assert.Multiple(() =>
        {
            Assert.That(summary.IsClaim, Is.False);
            Assert.That(summary.Of(r => r.Load.RegisteredPerSecond).Median, Is.EqualTo(2_860.5).Within(0.5));
            Assert.That(summary.Verdict(), Does.StartWith("NOT A CLAIM (2 clean of 3; a claim needs 3 clean runs): medians of 2 clean run(s); run(s) 2 excluded"));
            Assert.That(summary.OffSpeed(slowHost), Is.EqualTo(
                "the host ran at 55,000/s per core (RSA-2048 verify, the mean of the run's two probes), 13 % off the clean runs' median 63,450/s"));
            Assert.That(summary.OffSpeed(summary.Runs[0]), Is.Null);
        });
    }

    [Test]
    public void IsClaim_WhenThreeCleanRunsRanWithinATenthOfTheirMedianHostSpeed_IsTrue()
    {
        var summary = Summary(Run(1, 2_871) with { HostSpeed = new HostSpeed(66_000, 65_700) },
            Run(2, 2_487) with { HostSpeed = new HostSpeed(52_900, 57_100) }, Run(3, 2_850) with { HostSpeed = new HostSpeed(64_700, 62_200) },
            Run(4, 2_790) with { HostSpeed = new HostSpeed(61_000, 62_000) });

        Assert.That((summary.IsClaim, summary.CleanRuns.Select(r => r.Number)), Is.EqualTo((true, new[] { 1, 3, 4 })));
    }
}
