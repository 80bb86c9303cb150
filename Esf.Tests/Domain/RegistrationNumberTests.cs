using Esf.Domain.Invoices;
using NUnit.Framework;

namespace Esf.Tests.Domain;

/// <summary>
/// The number's format is the real one; its tail is a keyed permutation of the counter (C1 / L4 of issue 10, ADR 0018): a bijection of
/// the 10⁸ tails for each day, so consecutive counters give unrelated tails and distinct counters of a day never share one.
/// </summary>
[TestFixture]
public sealed class RegistrationNumberTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly DateOnly Day = new(2026, 1, 2);

    private static long Tail(long counter, DateOnly? day = null, byte[]? key = null) =>
        long.Parse(RegistrationNumber.Create("123456789011", day ?? Day, counter, key ?? Key)[^8..], System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Create_WhenGivenSellerDayAndCounter_FollowsTheRealFormat() =>
        Assert.That(RegistrationNumber.Create("123456789011", new DateOnly(2018, 12, 18), 76963660, Key), Does.Match(@"^ESF-123456789011-20181218-\d{8}$"));

    [Test]
    public void Create_WhenCountersAreConsecutive_GivesTailsThatAreNot()
    {
        var tails = Enumerable.Range(1, 1000).Select(c => Tail(c)).ToList();

        Assert.That(tails.Zip(tails.Skip(1)).Count(pair => Math.Abs(pair.First - pair.Second) <= 1), Is.Zero);
        Assert.That(tails, Is.Not.Ordered);
    }

    [Test]
    public void Create_ForDistinctCountersOfOneDay_GivesDistinctTails() =>
        Assert.That(Enumerable.Range(0, 100_000).Select(c => Tail(c)), Is.Unique);

    [Test]
    public void Create_ForTheSameCounter_DependsOnTheKeyAndTheDay()
    {
        var otherKey = Key.Select(b => (byte)(b ^ 0x5A)).ToArray();

        var tail = Tail(42);

        Assert.That(Tail(42), Is.EqualTo(tail));
        Assert.That(Tail(42, key: otherKey), Is.Not.EqualTo(tail));
        Assert.That(Tail(42, day: Day.AddDays(1)), Is.Not.EqualTo(tail));
    }

    [Test]
    public void Create_WhenTheCounterPassesTheTailSpace_KeepsTheFormat() =>
        Assert.That(RegistrationNumber.Create("123456789011", Day, 1_234_567_890, Key), Does.Match(@"^ESF-123456789011-20260102-\d{8}$"));
}
