using Esf.Domain.Employees;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>The pure judgement of an employee's rights on a day (Rules p.11: rights «с указанием срока действия»).</summary>
[TestFixture]
public sealed class EmployeeAuthorityTests
{
    private static readonly DateOnly Day = new(2027, 3, 10);

    [TestCase(0, 0, true, TestName = "Holds_WhenTermIsTheDayItself_IsTrue")]
    [TestCase(1, 5, false, TestName = "Holds_WhenTermStartsTomorrow_IsFalse")]
    [TestCase(-5, -1, false, TestName = "Holds_WhenTermEndedYesterday_IsFalse")]
    public void Holds_OnlyWithinTheTerm(int fromDays, int toDays, bool holds)
    {
        var authority = EmployeeAuthority.Employee([new RightTerm(EmployeeRight.Sign, Day.AddDays(fromDays), Day.AddDays(toDays))], Day);

        Assert.That((authority.Holds(EmployeeRight.Sign), authority.Holds(EmployeeRight.View)), Is.EqualTo((holds, false)));
    }

    [Test]
    public void Holds_WhenTermHasNoEnd_IsTrueLongAfter()
    {
        var authority = EmployeeAuthority.Employee([new RightTerm(EmployeeRight.View, Day, null)], Day.AddYears(10));

        Assert.That(authority.Rights, Is.EqualTo(new[] { EmployeeRight.View }));
        Assert.That(authority.IsRestricted, Is.True);
    }

    [Test]
    public void Holds_WhenHead_IsTrueForEveryRight()
    {
        Assert.That(EmployeeRights.All.All(EmployeeAuthority.Head.Holds), Is.True);
        Assert.That(EmployeeAuthority.Head.IsRestricted, Is.False);
    }

    [Test]
    public void FromWire_WhenEveryRight_RoundTrips()
    {
        Assert.That(EmployeeRights.All.Select(r => EmployeeRights.FromWire(r.ToWire())), Is.EqualTo(EmployeeRights.All.Cast<EmployeeRight?>()));
        Assert.That(EmployeeRights.FromWire("ALL"), Is.Null);
    }
}
