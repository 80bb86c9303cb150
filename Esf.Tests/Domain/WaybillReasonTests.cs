using Esf.Domain.Waybills;
using NUnit.Framework;
using static Esf.Domain.Waybills.WaybillOperation;

namespace Esf.Tests.Domain;

/// <summary>
/// What reason an operation signs and is judged with (<see cref="WaybillFlow.ReasonFor"/>), the same over REST and SOAP: a decline
/// or revocation always signs <c>id|reason</c>, the others <c>id</c> unless a reason was sent.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillReasonTests
{
    [TestCase(Decline, null, "")]
    [TestCase(Revoke, null, "")]
    [TestCase(Decline, "пересорт", "пересорт")]
    [TestCase(Confirm, null, null)]
    [TestCase(Confirm, "", null)]
    [TestCase(Receive, null, null)]
    [TestCase(ConfirmByInspector, null, null)]
    [TestCase(Confirm, "лишняя", "лишняя")]
    public void ReasonFor_GivesTheReasonTheOperationSigns(WaybillOperation operation, string? given, string? expected) =>
        Assert.That(WaybillFlow.ReasonFor(operation, given), Is.EqualTo(expected));

    [Test]
    public void Decide_WhenADeclineCarriesTheEmptyReasonOfAMissingOne_NamesTheMissingReason() =>
        Assert.That(WaybillFlow.Decide(Decline, WaybillStatus.NotViewed, WaybillRole.Buyer, WaybillFlow.ReasonFor(Decline, null)).ErrorCode,
            Is.EqualTo(WaybillFlow.DeclineReasonMissing));

    [Test]
    public void Decide_WhenAConfirmationCarriesAReason_RefusesIt() =>
        Assert.That(WaybillFlow.Decide(Confirm, WaybillStatus.Delivered, WaybillRole.Buyer, WaybillFlow.ReasonFor(Confirm, "лишняя")).ErrorCode,
            Is.EqualTo(WaybillFlow.ConfirmReasonGiven));
}
