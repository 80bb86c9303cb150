using Esf.Domain.Lifecycle;
using Esf.Domain.Waybills;
using NUnit.Framework;
using static Esf.Domain.Waybills.WaybillStatus;

namespace Esf.Tests.Domain;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillLifecycleTests
{
    private static readonly (WaybillStatus From, WaybillStatus To)[] Allowed =
    [
        (InQueue, InProcessing), (InQueue, NotViewed), (InQueue, Failed),
        (InProcessing, NotViewed), (InProcessing, Failed),
        (NotViewed, Delivered), (NotViewed, Confirmed), (NotViewed, ConfirmedByOgd), (NotViewed, Declined), (NotViewed, Revoked), (NotViewed, Canceled),
        (Delivered, Confirmed), (Delivered, ConfirmedByOgd), (Delivered, Declined), (Delivered, Revoked), (Delivered, Canceled),
        (Confirmed, Revoked), (Confirmed, SendToIsgo),
        (ConfirmedByOgd, Revoked),
        (SendToIsgo, Confirmed),
        (Declined, Canceled),
    ];

    private static IEnumerable<TestCaseData> Forbidden() =>
        from source in Enum.GetValues<WaybillStatus>()
        from target in Enum.GetValues<WaybillStatus>()
        where !Allowed.Contains((source, target))
        select new TestCaseData(source, target);

    [Test]
    public void EnsureCanMove_WhenTransitionExists_DoesNotThrow([ValueSource(nameof(Allowed))] (WaybillStatus From, WaybillStatus To) transition) =>
        Assert.That(() => WaybillLifecycle.EnsureCanMove(transition.From, transition.To), Throws.Nothing);

    [TestCaseSource(nameof(Forbidden))]
    public void EnsureCanMove_WhenTransitionDoesNotExist_ThrowsFromXToY(WaybillStatus from, WaybillStatus to) =>
        Assert.That(() => WaybillLifecycle.EnsureCanMove(from, to), Throws.InstanceOf<InvalidStatusTransitionException>()
            .With.Message.EqualTo($"A waybill cannot move from {from.ToWire()} to {to.ToWire()}."));

    [Test]
    public void Table_WhenListed_IsExactlyTheTestedTransitions() =>
        Assert.That(WaybillLifecycle.Table.Transitions, Is.EquivalentTo(Allowed));

    [Test]
    public void EveryStatus_ExceptTheQueue_IsReachable() =>
        Assert.That(Enum.GetValues<WaybillStatus>().Where(to => !Allowed.Any(t => t.To == to)), Is.EqualTo(new[] { InQueue }));

    [Test]
    public void StatusNames_WhenWritten_AreUpperSnake() =>
        Assert.That(Enum.GetValues<WaybillStatus>().Select(s => s.ToWire()), Is.EqualTo(new[]
        {
            "IN_QUEUE", "IN_PROCESSING", "NOT_VIEWED", "DELIVERED", "CONFIRMED", "CONFIRMED_BY_OGD", "DECLINED", "REVOKED", "SEND_TO_ISGO",
            "CANCELED", "FAILED",
        }));

    [Test]
    public void StatusNames_WhenParsed_RoundTrip()
    {
        foreach (var status in Enum.GetValues<WaybillStatus>())
        {
            Assert.That(WaybillStatusNames.TryParse(status.ToWire(), out var parsed) && parsed == status, Is.True, status.ToWire());
        }

        Assert.That(WaybillStatusNames.TryParse("CREATED", out _), Is.False);
    }
}
