using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class SpreadTests
{
    [Test]
    public void Of_WhenOddCount_MedianIsTheMiddleValueAndSpreadIsRelativeToIt()
    {
        var spread = Spread.Of([1_537, 1_078, 1_417]);

        Assert.Multiple(() =>
        {
            Assert.That(spread.Median, Is.EqualTo(1_417));
            Assert.That((spread.Min, spread.Max), Is.EqualTo((1_078.0, 1_537.0)));
            Assert.That(spread.Relative, Is.EqualTo((1_537.0 - 1_078) / 1_417).Within(1e-9));
            Assert.That(spread.Format("#,0"), Is.EqualTo("1,417 (1,078–1,537; 32 %)"));
            Assert.That(spread.Short("#,0"), Is.EqualTo("1,417 (32 %)"));
        });
    }

    [Test]
    public void Of_WhenEvenCount_MedianIsTheMeanOfTheMiddleTwo()
    {
        Assert.That(Spread.Of([4, 1, 3, 2]).Median, Is.EqualTo(2.5));
    }

    [Test]
    public void Of_WhenSomeValuesAreNotMeasured_IgnoresThem()
    {
        var spread = Spread.Of([double.NaN, 5, double.NaN]);

        Assert.That((spread.Count, spread.Median, spread.Format("0")), Is.EqualTo((1, 5.0, "5")));
    }

    [Test]
    public void Of_WhenNothingMeasured_FormatsAsADash()
    {
        Assert.That(Spread.Of([double.NaN]).Format("0"), Is.EqualTo("–"));
    }
}
