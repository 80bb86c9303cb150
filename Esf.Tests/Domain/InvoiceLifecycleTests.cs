using Esf.Domain.Invoices;
using Esf.Domain.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class InvoiceLifecycleTests
{
    private static readonly (InvoiceStatus From, InvoiceStatus To)[] Allowed =
    [
        (InvoiceStatus.InQueue, InvoiceStatus.Created),
        (InvoiceStatus.InQueue, InvoiceStatus.Failed),
        (InvoiceStatus.InProcessing, InvoiceStatus.Created),
        (InvoiceStatus.InProcessing, InvoiceStatus.Failed),
        (InvoiceStatus.Created, InvoiceStatus.Delivered),
        (InvoiceStatus.Created, InvoiceStatus.Revoked),
        (InvoiceStatus.Created, InvoiceStatus.Declined),
        (InvoiceStatus.Delivered, InvoiceStatus.Revoked),
        (InvoiceStatus.Delivered, InvoiceStatus.Declined),
        (InvoiceStatus.Revoked, InvoiceStatus.Delivered),
        (InvoiceStatus.Failed, InvoiceStatus.Deleted),
        (InvoiceStatus.Created, InvoiceStatus.Canceled),
        (InvoiceStatus.Delivered, InvoiceStatus.Canceled),
        (InvoiceStatus.Created, InvoiceStatus.CanceledByOgd),
        (InvoiceStatus.Delivered, InvoiceStatus.CanceledByOgd),
        (InvoiceStatus.Created, InvoiceStatus.CanceledBySntDecline),
        (InvoiceStatus.Delivered, InvoiceStatus.CanceledBySntDecline),
        (InvoiceStatus.Created, InvoiceStatus.CanceledBySntRevoke),
        (InvoiceStatus.Delivered, InvoiceStatus.CanceledBySntRevoke),
        (InvoiceStatus.Imported, InvoiceStatus.InQueue),
        (InvoiceStatus.Imported, InvoiceStatus.Deleted),
        (InvoiceStatus.Created, InvoiceStatus.SendToIsgo),
        (InvoiceStatus.Delivered, InvoiceStatus.SendToIsgo),
        (InvoiceStatus.SendToIsgo, InvoiceStatus.Created),
        (InvoiceStatus.SendToIsgo, InvoiceStatus.Delivered),
    ];

    private static IEnumerable<TestCaseData> Forbidden() =>
        from source in Enum.GetValues<InvoiceStatus>()
        from target in Enum.GetValues<InvoiceStatus>()
        where !Allowed.Contains((source, target))
        select new TestCaseData(source, target);

    [Test]
    public void EnsureCanMove_WhenTransitionExists_DoesNotThrow(
        [ValueSource(nameof(Allowed))] (InvoiceStatus From, InvoiceStatus To) transition) =>
        Assert.That(() => InvoiceLifecycle.EnsureCanMove(transition.From, transition.To), Throws.Nothing);

    [TestCaseSource(nameof(Forbidden))]
    public void EnsureCanMove_WhenTransitionDoesNotExist_ThrowsNamingBothStatuses(InvoiceStatus from, InvoiceStatus to) =>
        Assert.That(() => InvoiceLifecycle.EnsureCanMove(from, to),
            Throws.InstanceOf<InvalidStatusTransitionException>().With.Message.Contains(from.ToWire()).And.Message.Contains(to.ToWire()));

    [Test]
    public void StatusNames_WhenWritten_AreTheApis20ValuesInOrder() =>
        Assert.That(Enum.GetValues<InvoiceStatus>().Select(s => s.ToWire()), Is.EqualTo(new[]
        {
            "IN_QUEUE", "IN_PROCESSING", "CREATED", "DELIVERED", "CANCELED", "CANCELED_BY_OGD", "CANCELED_BY_SNT_DECLINE",
            "CANCELED_BY_SNT_REVOKE", "REVOKED", "IMPORTED", "DRAFT", "FAILED", "DELETED", "DECLINED", "SEND_TO_ISGO",
            "WAIT_BIOMETRICS_VERIFICATION", "FAILED_BIOMETRICS_VERIFICATION", "DELETED_BIOMETRICS_VERIFICATION",
            "WAITING_CUSTOMER_CONFIRMATION", "WAITING_CUSTOMER_REVOKE_CONFIRMATION",
        }));

    [Test]
    public void StatusNames_WhenParsed_RoundTrip() =>
        Assert.That(Enum.GetValues<InvoiceStatus>().Select(s => InvoiceStatusNames.Parse(s.ToWire())), Is.EqualTo(Enum.GetValues<InvoiceStatus>()));
}
