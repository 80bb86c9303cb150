using Esf.Domain.Invoices;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class RegistrationNumberTests
{
    [Test]
    public void Create_WhenGivenSellerDayAndCounter_FollowsTheRealFormat() =>
        Assert.That(RegistrationNumber.Create("123456789011", new DateOnly(2018, 12, 18), 76963660),
            Is.EqualTo("ESF-123456789011-20181218-76963660"));

    [Test]
    public void Create_WhenCounterIsSmall_PadsToEightDigits() =>
        Assert.That(RegistrationNumber.Create("123456789011", new DateOnly(2026, 1, 2), 7), Is.EqualTo("ESF-123456789011-20260102-00000007"));

    [Test]
    public void Create_WhenCounterExceedsEightDigits_KeepsTheLastEight() =>
        Assert.That(RegistrationNumber.Create("123456789011", new DateOnly(2026, 1, 2), 1_234_567_890), Does.EndWith("-34567890"));
}
