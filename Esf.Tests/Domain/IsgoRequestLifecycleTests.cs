using Esf.Domain.GovernmentSystems;
using Esf.Domain.Lifecycle;
using NUnit.Framework;
using static Esf.Domain.GovernmentSystems.IsgoRequestStatus;

namespace Esf.Tests.Domain;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class IsgoRequestLifecycleTests
{
    private static readonly (IsgoRequestStatus From, IsgoRequestStatus To)[] Allowed =
    [
        (SentForConfirmation, DeclinedByCounterparty), (SentForConfirmation, AgreedByCounterparty),
        (AgreedByCounterparty, SentToShep), (AgreedByCounterparty, NotAcceptedByShep),
        (SentToShep, DeliveredToIsgo),
        (DeliveredToIsgo, IncludedInApplication), (DeliveredToIsgo, NotIncludedInApplication),
        (IncludedInApplication, SubsidyPaid), (IncludedInApplication, SupportRefused),
    ];

    private static IEnumerable<TestCaseData> Forbidden() =>
        from source in Enum.GetValues<IsgoRequestStatus>()
        from target in Enum.GetValues<IsgoRequestStatus>()
        where !Allowed.Contains((source, target))
        select new TestCaseData(source, target);

    [Test]
    public void EnsureCanMove_WhenTransitionExists_DoesNotThrow(
        [ValueSource(nameof(Allowed))] (IsgoRequestStatus From, IsgoRequestStatus To) transition) =>
        Assert.That(() => IsgoRequestLifecycle.EnsureCanMove(transition.From, transition.To), Throws.Nothing);

    [TestCaseSource(nameof(Forbidden))]
    public void EnsureCanMove_WhenTransitionDoesNotExist_ThrowsFromXToY(IsgoRequestStatus from, IsgoRequestStatus to) =>
        Assert.That(() => IsgoRequestLifecycle.EnsureCanMove(from, to), Throws.InstanceOf<InvalidStatusTransitionException>()
            .With.Message.EqualTo($"An ИС ГО request cannot move from {from.ToWire()} to {to.ToWire()}."));

    [Test]
    public void Table_WhenListed_IsExactlyTheTestedTransitions() =>
        Assert.That(IsgoRequestLifecycle.Table.Transitions, Is.EquivalentTo(Allowed));

    [Test]
    public void FinalStatuses_AreTheFiveOutcomes() =>
        Assert.That(Enum.GetValues<IsgoRequestStatus>().Where(IsgoRequestLifecycle.IsFinal),
            Is.EquivalentTo(new[] { DeclinedByCounterparty, NotAcceptedByShep, NotIncludedInApplication, SupportRefused, SubsidyPaid }));

    [Test]
    public void RestoresInvoices_OnlyWhenTheRequestEndsWithoutSupport() =>
        Assert.That(Enum.GetValues<IsgoRequestStatus>().Where(IsgoRequestLifecycle.RestoresInvoices),
            Is.EquivalentTo(new[] { DeclinedByCounterparty, NotAcceptedByShep, NotIncludedInApplication, SupportRefused }));

    [TestCase(new[] { true, false }, IncludedInApplication)]
    [TestCase(new[] { false, false }, NotIncludedInApplication)]
    public void AfterDecision_WhenAnyInvoiceIsIncluded_IsIncluded(bool[] included, IsgoRequestStatus expected) =>
        Assert.That(IsgoRequestLifecycle.AfterDecision(included), Is.EqualTo(expected));

    [Test]
    public void StatusNames_AreTheManualsRussianNames() =>
        Assert.That(Enum.GetValues<IsgoRequestStatus>().Select(s => (s.ToWire(), s.RussianName())), Is.EqualTo(new[]
        {
            ("SENT_FOR_CONFIRMATION", "Направлен для подтверждения"), ("DECLINED_BY_COUNTERPARTY", "Отклонен подтверждающим НП"),
            ("AGREED_BY_COUNTERPARTY", "Согласован подтверждающим НП"), ("SENT_TO_SHEP", "Направлен в ШЭП"),
            ("NOT_ACCEPTED_BY_SHEP", "Не принят ШЭП"), ("DELIVERED_TO_ISGO", "Доставлен в ИС ГО"),
            ("INCLUDED_IN_APPLICATION", "ЭСФ включен в заявку"), ("NOT_INCLUDED_IN_APPLICATION", "ЭСФ не включен в заявку"),
            ("SUPPORT_REFUSED", "Отказано в мерах господдержки"), ("SUBSIDY_PAID", "Выплачена бюджетная субсидия"),
        }));
}
