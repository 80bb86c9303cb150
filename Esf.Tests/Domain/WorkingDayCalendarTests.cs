using Esf.Domain.Calendar;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using NUnit.Framework;

namespace Esf.Tests.Domain;

/// <summary>
/// Working days around Kazakh holidays. The seeds and specs give no official calendar, so each test states its holidays: Nauryz
/// (21–23 March) and the days off moved for it are given as explicit sets, as the registry will import them per year.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar WeekendsOnly = new([], []);

    // An explicit set for the tests: Nauryz on Saturday–Monday 21–23 March 2026, its weekend days moved to Tuesday–Wednesday 24–25
    // March, and Saturday 28 March declared a working day in exchange.
    private static readonly WorkingDayCalendar Nauryz = new(
        [new(2026, 3, 21), new(2026, 3, 22), new(2026, 3, 23), new(2026, 3, 24), new(2026, 3, 25)],
        [new(2026, 3, 28)]);

    [TestCase(2026, 11, 13, true)]   // Friday
    [TestCase(2026, 11, 14, false)]  // Saturday
    [TestCase(2026, 11, 15, false)]  // Sunday
    [TestCase(2026, 11, 16, true)]   // Monday
    public void IsWorkingDay_WithoutHolidays_IsMondayToFriday(int year, int month, int day, bool working) =>
        Assert.That(WeekendsOnly.IsWorkingDay(new DateOnly(year, month, day)), Is.EqualTo(working));

    [Test]
    public void IsWorkingDay_OnAHolidayOrAMovedDayOff_IsFalse()
    {
        Assert.That(Nauryz.IsWorkingDay(new DateOnly(2026, 3, 23)), Is.False);
        Assert.That(Nauryz.IsWorkingDay(new DateOnly(2026, 3, 25)), Is.False);
    }

    [Test]
    public void IsWorkingDay_OnAWeekendDeclaredWorking_IsTrue() => Assert.That(Nauryz.IsWorkingDay(new DateOnly(2026, 3, 28)), Is.True);

    [Test]
    public void AddWorkingDays_FromAMonday_CountsTheNextThreeWeekdays() =>
        Assert.That(WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 9), 3), Is.EqualTo(new DateOnly(2026, 11, 12)));

    [Test]
    public void AddWorkingDays_FromAThursday_SkipsTheWeekend() =>
        Assert.That(WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 12), 3), Is.EqualTo(new DateOnly(2026, 11, 17)));

    [Test]
    public void AddWorkingDays_FromASaturday_StartsOnMonday() =>
        Assert.That(WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 14), 1), Is.EqualTo(new DateOnly(2026, 11, 16)));

    [Test]
    public void AddWorkingDays_AcrossNauryz_SkipsTheHolidaysAndCountsTheWorkingSaturday() =>
        // Declined Friday 20 March: 21–25 are off, Thursday 26, Friday 27 and the working Saturday 28 count.
        Assert.That(Nauryz.AddWorkingDays(new DateOnly(2026, 3, 20), 3), Is.EqualTo(new DateOnly(2026, 3, 28)));

    [Test]
    public void AddWorkingDays_AcrossYearEnd_SkipsNewYear()
    {
        var newYear = new WorkingDayCalendar([new(2026, 1, 1), new(2026, 1, 2), new(2026, 1, 7), new(2027, 1, 1)], []);

        Assert.That(newYear.AddWorkingDays(new DateOnly(2026, 12, 30), 2), Is.EqualTo(new DateOnly(2027, 1, 4)));
    }

    [Test]
    public void AddWorkingDays_Zero_IsTheSameDay() =>
        Assert.That(WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 14), 0), Is.EqualTo(new DateOnly(2026, 11, 14)));

    [Test]
    public void AddWorkingDays_WhenNegative_Throws() =>
        Assert.That(() => WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 14), -1), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void DeclineWindow_WhenDeclinedBeforeNauryz_EndsAfterTheHolidays()
    {
        var declined = new DateOnly(2026, 3, 20);

        Assert.That(WaybillEffects.CorrectionDeadline(declined, Nauryz), Is.EqualTo(new DateOnly(2026, 3, 28)));
        Assert.That(WaybillEffects.AnnulmentDay(declined, Nauryz), Is.EqualTo(new DateOnly(2026, 3, 29)));
    }

    [Test]
    public void DeclineWindow_WhenDeclinedOnAFriday_AnnulsOnThursday()
    {
        var declined = new DateOnly(2026, 11, 13);

        Assert.That(WaybillEffects.CorrectionDeadline(declined, WeekendsOnly), Is.EqualTo(new DateOnly(2026, 11, 18)));
        Assert.That(WaybillEffects.AnnulmentDay(declined, WeekendsOnly), Is.EqualTo(new DateOnly(2026, 11, 19)));
    }

    [TestCase(WaybillStatus.Declined, InvoiceStatus.CanceledBySntDecline)]
    [TestCase(WaybillStatus.Revoked, InvoiceStatus.CanceledBySntRevoke)]
    public void InvoiceAnnulment_WhenTheWaybillIsDeclinedOrRevoked_AnnulsItsInvoices(WaybillStatus waybill, InvoiceStatus invoice)
    {
        Assert.That(WaybillEffects.InvoiceAnnulment(waybill), Is.EqualTo(invoice));
        Assert.That(InvoiceLifecycle.CanMove(InvoiceStatus.Created, invoice) && InvoiceLifecycle.CanMove(InvoiceStatus.Delivered, invoice), Is.True);
    }

    [Test]
    public void InvoiceAnnulment_ForAnyOtherStatus_IsNone() =>
        Assert.That(Enum.GetValues<WaybillStatus>().Where(s => s is not (WaybillStatus.Declined or WaybillStatus.Revoked))
            .Select(WaybillEffects.InvoiceAnnulment), Is.All.Null);
}
