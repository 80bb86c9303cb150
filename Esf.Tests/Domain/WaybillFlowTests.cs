using Esf.Domain.Waybills;
using NUnit.Framework;
using static Esf.Domain.Waybills.WaybillOperation;
using static Esf.Domain.Waybills.WaybillStatus;

namespace Esf.Tests.Domain;

/// <summary>Who may do what to a waybill: the seller revokes, the buyer opens, confirms or declines, an ОГД inspector confirms.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillFlowTests
{
    private static readonly (WaybillOperation Operation, WaybillStatus From, WaybillStatus To, WaybillRole Role, string? Reason)[] Allowed =
    [
        (Receive, NotViewed, Delivered, WaybillRole.Buyer, null),
        (Confirm, NotViewed, Confirmed, WaybillRole.Buyer, null),
        (Confirm, Delivered, Confirmed, WaybillRole.Buyer, null),
        (Decline, NotViewed, Declined, WaybillRole.Buyer, "Товар не поставлен"),
        (Decline, Delivered, Declined, WaybillRole.Buyer, "Товар не поставлен"),
        (Revoke, NotViewed, Revoked, WaybillRole.Seller, "Ошибка в количестве"),
        (Revoke, Delivered, Revoked, WaybillRole.Seller, "Ошибка в количестве"),
        (Revoke, Confirmed, Revoked, WaybillRole.Seller, "Ошибка в количестве"),
        (Revoke, ConfirmedByOgd, Revoked, WaybillRole.Seller, "Ошибка в количестве"),
        (ConfirmByInspector, NotViewed, ConfirmedByOgd, WaybillRole.Inspector, null),
        (ConfirmByInspector, Delivered, ConfirmedByOgd, WaybillRole.Inspector, null),
    ];

    private static IEnumerable<TestCaseData> WrongStatuses() =>
        from operation in Enum.GetValues<WaybillOperation>()
        from status in Enum.GetValues<WaybillStatus>()
        where status != SendToIsgo && !Allowed.Any(a => a.Operation == operation && a.From == status)
        select new TestCaseData(operation, status);

    [TestCaseSource(nameof(Allowed))]
    public void Decide_WhenTheRightPartyActsFromAnAllowedStatus_Moves(
        (WaybillOperation Operation, WaybillStatus From, WaybillStatus To, WaybillRole Role, string? Reason) move)
    {
        var decision = WaybillFlow.Decide(move.Operation, move.From, move.Role, move.Reason);

        Assert.That(decision, Is.EqualTo(WaybillDecision.Move(move.From, move.To)));
        Assert.That(() => WaybillLifecycle.EnsureCanMove(decision.From, decision.To), Throws.Nothing);
    }

    [TestCaseSource(nameof(WrongStatuses))]
    public void Decide_WhenTheStatusIsNotASourceOfTheOperation_RefusesWithSntWrongStatus(WaybillOperation operation, WaybillStatus status)
    {
        var decision = WaybillFlow.Decide(operation, status, WaybillFlow.RequiredRole(operation), "причина");

        Assert.That(decision.ErrorCode, Is.EqualTo(WaybillFlow.WrongStatus));
        Assert.That(decision.Reason, Does.Contain($"from {status.ToWire()} to {WaybillFlow.TargetOf(operation).ToWire()}"));
    }

    [TestCase(Revoke, WaybillRole.Buyer)]
    [TestCase(Confirm, WaybillRole.Seller)]
    [TestCase(Decline, WaybillRole.Seller)]
    [TestCase(Receive, WaybillRole.Seller)]
    [TestCase(ConfirmByInspector, WaybillRole.Buyer)]
    [TestCase(Confirm, WaybillRole.None)]
    public void Decide_WhenAnotherPartyActs_RefusesWithSntAccessDenied(WaybillOperation operation, WaybillRole role) =>
        Assert.That(WaybillFlow.Decide(operation, NotViewed, role, "причина").ErrorCode, Is.EqualTo(WaybillFlow.AccessDenied));

    [Test]
    public void Decide_WhenAnEnterpriseShipsToItself_MayActAsBothSides()
    {
        var both = WaybillRole.Seller | WaybillRole.Buyer;

        Assert.That(WaybillFlow.Decide(Confirm, NotViewed, both, null).Allowed, Is.True);
        Assert.That(WaybillFlow.Decide(Revoke, Confirmed, both, "ошибка").Allowed, Is.True);
    }

    [TestCase(Revoke, WaybillRole.Seller)]
    [TestCase(Confirm, WaybillRole.Buyer)]
    [TestCase(Decline, WaybillRole.Buyer)]
    public void Decide_WhenTheWaybillIsBlockedForIsgo_RefusesWithLockedBySendingToIsgo(WaybillOperation operation, WaybillRole role) =>
        Assert.That(WaybillFlow.Decide(operation, SendToIsgo, role, "причина").ErrorCode, Is.EqualTo(WaybillFlow.Blocked));

    [TestCase(Decline, WaybillRole.Buyer, null, WaybillFlow.DeclineReasonMissing)]
    [TestCase(Decline, WaybillRole.Buyer, "  ", WaybillFlow.DeclineReasonMissing)]
    [TestCase(Revoke, WaybillRole.Seller, "", WaybillFlow.RevokeReasonMissing)]
    [TestCase(Confirm, WaybillRole.Buyer, "лишняя причина", WaybillFlow.ConfirmReasonGiven)]
    public void Decide_WhenTheReasonIsMissingOrUnexpected_Refuses(WaybillOperation operation, WaybillRole role, string? reason, string code) =>
        Assert.That(WaybillFlow.Decide(operation, NotViewed, role, reason).ErrorCode, Is.EqualTo(code));

    [TestCase("123456789021", WaybillRole.Seller)]
    [TestCase("123456789011", WaybillRole.Buyer)]
    [TestCase("123456789099", WaybillRole.None)]
    public void RoleOf_WhenAskedForATin_IsItsSideOfTheWaybill(string tin, WaybillRole role)
    {
        var waybill = new WaybillDocument(new() { Seller = { Tin = "123456789021" }, Customer = { Tin = "123456789011" } });

        Assert.That(waybill.RoleOf(tin), Is.EqualTo(role));
    }

    [Test]
    public void RoleOf_WhenTheConsigneeAsks_IsNone()
    {
        var waybill = new WaybillDocument(new() { Seller = { Tin = "123456789021" }, Customer = { Tin = "123456789011" }, Consignee = { Tin = "123456789055" } });

        Assert.That(waybill.RoleOf("123456789055"), Is.EqualTo(WaybillRole.None));
    }
}
