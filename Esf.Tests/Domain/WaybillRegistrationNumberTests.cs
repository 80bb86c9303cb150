using Esf.Domain.Waybills;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillRegistrationNumberTests
{
    [Test]
    public void Create_WhenGivenSellerDayAndCounter_Is42DigitsInThatOrder()
    {
        var number = WaybillRegistrationNumber.Create("123456789021", new DateOnly(2026, 11, 15), 7);

        Assert.That(number, Has.Length.EqualTo(42));
        Assert.That(number, Is.EqualTo("123456789021" + "20261115" + "0000000000000000000007"));
        Assert.That(WaybillRegistrationNumber.IsWellFormed(number), Is.True);
    }

    [Test]
    public void Create_WhenTheCounterIsTheLargestLong_StillFits() =>
        Assert.That(WaybillRegistrationNumber.Create("123456789021", new DateOnly(2026, 1, 1), long.MaxValue), Has.Length.EqualTo(42));

    [Test]
    public void Create_WhenCountersDiffer_NumbersDiffer() =>
        Assert.That(WaybillRegistrationNumber.Create("123456789021", new DateOnly(2026, 1, 1), 1),
            Is.Not.EqualTo(WaybillRegistrationNumber.Create("123456789021", new DateOnly(2026, 1, 1), 2)));

    [TestCase("12345678902")]
    [TestCase("1234567890211")]
    [TestCase("12345678902A")]
    [TestCase("")]
    public void Create_WhenTheSellerIsNotA12DigitTin_Throws(string tin) =>
        Assert.That(() => WaybillRegistrationNumber.Create(tin, new DateOnly(2026, 1, 1), 1), Throws.ArgumentException);

    [Test]
    public void Create_WhenTheCounterIsNegative_Throws() =>
        Assert.That(() => WaybillRegistrationNumber.Create("123456789021", new DateOnly(2026, 1, 1), -1), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(null)]
    [TestCase("")]
    [TestCase("12345678902120261115000000000000000000007")]
    [TestCase("1234567890212026111500000000000000000000077")]
    [TestCase("12345678902120261115000000000000000000000A")]
    [TestCase("ESF-123456789021-20261115-00000001")]
    public void IsWellFormed_WhenNot42Digits_IsFalse(string? text) => Assert.That(WaybillRegistrationNumber.IsWellFormed(text), Is.False);
}
