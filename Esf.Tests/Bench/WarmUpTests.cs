using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class WarmUpTests
{
    [Test]
    public void IsSettled_WhenOnlyOneRound_IsFalse()
    {
        Assert.That(WarmUp.IsSettled([Round(600, 10)]), Is.False);
    }

    [Test]
    public void IsSettled_WhenTheLastRoundCostsAsMuchAsTheOneBeforeAndCompilesLittle_IsTrue()
    {
        // The shape of a real warm-up (bench/run.sh --quick): tier-1 promotions spill over three rounds, then stop.
        Assert.That(WarmUp.IsSettled([Round(4_194, 13_150), Round(1_300, 1_661), Round(1_063, 1_591), Round(576, 98), Round(625, 51)]), Is.True);
    }

    [Test]
    public void IsSettled_WhenTheCostStillFalls_IsFalse()
    {
        Assert.That(WarmUp.IsSettled([Round(4_194, 13_150), Round(1_300, 1_661), Round(1_063, 1_591), Round(576, 98)]), Is.False);
    }

    [Test]
    public void IsSettled_WhenTheCostRoseAgainWithoutCompiling_IsTrue()
    {
        // Noise of a shared machine (the run's disturbed flag judges it), not warm-up.
        Assert.That(WarmUp.IsSettled([Round(4_838, 13_113), Round(1_282, 1_695), Round(1_106, 1_474), Round(576, 54), Round(675, 34)]), Is.True);
    }

    [Test]
    public void IsSettled_WhenTheCostIsSteadyButTheJitStillCompilesTheHotPath_IsFalse()
    {
        Assert.That(WarmUp.IsSettled([Round(4_000, 10_000), Round(620, 900), Round(600, 800)]), Is.False);
    }

    private static WarmUpRound Round(double servicesMicros, int jitted) =>
        new(1_600, servicesMicros / 2, servicesMicros / 2, new JitCount(0, jitted / 2), new JitCount(0, jitted - jitted / 2));
}
