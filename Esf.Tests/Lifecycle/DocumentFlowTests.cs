using Esf.Domain.Invoices;
using NUnit.Framework;

namespace Esf.Tests.Lifecycle;

[TestFixture]
public sealed class DocumentFlowTests
{
    private static readonly DateOnly Issued = new(2026, 3, 1);

    /// <summary>The whole matrix: every operation × status × kind × side, allowed exactly where the Rules and the WSDL say.</summary>
    private static IEnumerable<TestCaseData> Matrix() =>
        from operation in Enum.GetValues<LifecycleOperation>()
        from status in Enum.GetValues<InvoiceStatus>()
        from type in Enum.GetValues<InvoiceType>()
        from role in new[] { InvoiceRole.Seller, InvoiceRole.Customer, InvoiceRole.None }
        select new TestCaseData(operation, status, type, role, Expected(operation, status, type, role))
            .SetName($"Decide_When{operation}{status}{type}By{role}_{(Expected(operation, status, type, role) ?? "Allowed")}");

    private static string? Expected(LifecycleOperation operation, InvoiceStatus status, InvoiceType type, InvoiceRole role)
    {
        var side = operation is LifecycleOperation.Revoke or LifecycleOperation.Delete ? InvoiceRole.Seller : InvoiceRole.Customer;
        if (role != side)
        {
            return "ACCESS_DENIED";
        }

        if ((operation == LifecycleOperation.Revoke && type != InvoiceType.OrdinaryInvoice)
            || (operation == LifecycleOperation.Decline && type == InvoiceType.OrdinaryInvoice))
        {
            return "WRONG_TYPE";
        }

        InvoiceStatus[] allowedFrom = operation switch
        {
            LifecycleOperation.Confirm => [InvoiceStatus.Created],
            LifecycleOperation.Revoke or LifecycleOperation.Decline => [InvoiceStatus.Created, InvoiceStatus.Delivered],
            LifecycleOperation.Unrevoke => [InvoiceStatus.Revoked],
            _ => [InvoiceStatus.Failed, InvoiceStatus.Imported],
        };
        return allowedFrom.Contains(status) ? null : "WRONG_STATUS";
    }

    [TestCaseSource(nameof(Matrix))]
    public void Decide_ForEveryOperationStatusKindAndSide_AllowsExactlyTheDocumentedTransitions(
        LifecycleOperation operation, InvoiceStatus status, InvoiceType type, InvoiceRole role, string? expectedError)
    {
        var decision = DocumentFlow.Decide(operation, new LifecycleFacts(status, type, Issued, Issued), role, Issued);

        Assert.That(decision.ErrorCode, Is.EqualTo(expectedError));
        Assert.That(decision.To, Is.EqualTo(DocumentFlow.TargetOf(operation)));
    }

    [TestCase(0, null)]
    [TestCase(10, null)]
    [TestCase(11, "WRONG_DATE")]
    public void Decide_WhenDecliningDaysAfterTheIssueDate_AllowsTheTenthCalendarDayAndNotTheEleventh(int days, string? expectedError)
    {
        var facts = new LifecycleFacts(InvoiceStatus.Created, InvoiceType.FixedInvoice, Issued, null);

        var decision = DocumentFlow.Decide(LifecycleOperation.Decline, facts, InvoiceRole.Customer, Issued.AddDays(days));

        Assert.That(decision.ErrorCode, Is.EqualTo(expectedError));
    }

    [TestCase(10, null)]
    [TestCase(11, "WRONG_DATE")]
    public void Decide_WhenTheSellerDatedTheInvoiceBeforeItsRegistration_CountsTheDeclineWindowFromTheRegistrationDay(int days, string? expectedError)
    {
        var registered = Issued.AddDays(20);
        var facts = new LifecycleFacts(InvoiceStatus.Created, InvoiceType.FixedInvoice, Issued, null, registered);

        var decision = DocumentFlow.Decide(LifecycleOperation.Decline, facts, InvoiceRole.Customer, registered.AddDays(days));

        Assert.That(decision.ErrorCode, Is.EqualTo(expectedError));
    }

    [TestCase("ESF-123456789011-20181218-76963660", "2018-12-18")]
    [TestCase("ESF-123456789011-20181318-76963660", null)]
    [TestCase(null, null)]
    public void RegistrationNumberDayOf_WhenReadBack_IsTheDayTheServerWroteIntoIt(string? number, string? day) =>
        Assert.That(RegistrationNumber.DayOf(number), Is.EqualTo(day is null ? (DateOnly?)null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase(10, null)]
    [TestCase(11, "WRONG_DATE")]
    public void Decide_WhenUnrevokingDaysAfterTheRevocation_AllowsTheTenthCalendarDayAndNotTheEleventh(int days, string? expectedError)
    {
        var revoked = new DateOnly(2026, 12, 25);
        var facts = new LifecycleFacts(InvoiceStatus.Revoked, InvoiceType.OrdinaryInvoice, Issued, revoked);

        var decision = DocumentFlow.Decide(LifecycleOperation.Unrevoke, facts, InvoiceRole.Customer, revoked.AddDays(days));

        Assert.That(decision.ErrorCode, Is.EqualTo(expectedError));
    }

    [Test]
    public void Decide_WhenRefusingAnIllegalTransition_NamesBothStatuses()
    {
        var facts = new LifecycleFacts(InvoiceStatus.Deleted, InvoiceType.OrdinaryInvoice, Issued, null);

        var decision = DocumentFlow.Decide(LifecycleOperation.Confirm, facts, InvoiceRole.Customer, Issued);

        Assert.That(decision.Reason, Does.Contain("from DELETED to DELIVERED"));
    }

    [Test]
    public void Unreachable_WhenListed_NamesEveryStatusNoTransitionReaches()
    {
        var reached = Enum.GetValues<InvoiceStatus>()
            .Where(to => InvoiceLifecycle.Initial.Contains(to) || Enum.GetValues<InvoiceStatus>().Any(from => InvoiceLifecycle.CanMove(from, to)));

        Assert.That(InvoiceLifecycle.Unreachable.Keys.Concat(reached), Is.EquivalentTo(Enum.GetValues<InvoiceStatus>()));
    }
}
