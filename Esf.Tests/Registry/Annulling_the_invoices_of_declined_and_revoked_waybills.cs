using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Waybills;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>
/// The scheduled effects of a waybill (issue 12 item 5, R152–R154, ADR 0026): a declined waybill annuls its invoices once 3
/// working days have passed after the decline, a revoked one at once; exactly once, across runners and restarts, on the
/// seller's clock (the sandbox's offset of its world, moved by the test — nothing waits). The waybill's status change is the
/// i12-pipeline's; here <see cref="IWaybillStatusConsequences"/> is called directly, as that transaction calls it. Each test
/// counts in its own year, so the calendar days one imports change no other's window.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Annulling_the_invoices_of_declined_and_revoked_waybills
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Test]
    public async Task Should_annul_a_declined_waybills_invoices_only_after_the_third_working_day_has_ended()
    {
        var (driver, waybill, invoice) = await InvoiceOnAWaybillAsync();
        var other = await RegisterAsync(driver, Finding_the_invoices_of_a_waybill.WaybillNumber(driver.Tenant.SellerTin));
        // Declined on Wednesday 3 June 2093: Thursday, Friday and Monday are the window; Tuesday 9 June is the annulment day.
        await ChangeStatusAsync(waybill, WaybillStatus.Declined, At(2093, 6, 3, 10));

        var onMondayNight = await RunAtAsync(driver, At(2093, 6, 8, 23), invoice);
        var onTuesday = await RunAtAsync(driver, At(2093, 6, 9, 1), invoice);

        Assert.That(onMondayNight, Is.EqualTo(InvoiceStatus.Created), "the 3rd working day has not ended");
        Assert.That(onTuesday, Is.EqualTo(InvoiceStatus.CanceledBySntDecline));
        Assert.That(await StatusAsync(driver, other), Is.EqualTo(InvoiceStatus.Created), "an invoice on another waybill stays");
        var history = await HistoryAsync(driver, invoice);
        var annulment = history.Single(h => h.Status == InvoiceStatus.CanceledBySntDecline);
        Assert.That((annulment.FromStatus, annulment.UserId), Is.EqualTo(((InvoiceStatus?)InvoiceStatus.Created, WaybillEffectApplier.Actor)));
        var feed = await RegistryGateway.Fixture.Get<FeedReader>().ReadAsync(driver.Session, 0, FeedReader.MaxLimit, null, FeedKinds.Default, CancellationToken.None);
        Assert.That(feed.Events.Any(e => e.InvoiceId == invoice && e.Status == InvoiceStatus.CanceledBySntDecline.ToWire()), Is.True, "the feed reports it");
    }

    [Test]
    public async Task Should_not_count_a_holiday_or_the_weekend_in_the_window()
    {
        var (status, report) = await Importing_registries_from_csv.PostAsync("calendar", "day,is_working,name_ru\n2094-06-04,false,Праздник\n");
        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK), report.ToString());
        var (driver, waybill, invoice) = await InvoiceOnAWaybillAsync();
        // Declined on Wednesday 2 June 2094: Thursday, then Friday off, the weekend, Monday and Tuesday; Wednesday 9 June annuls.
        await ChangeStatusAsync(waybill, WaybillStatus.Declined, At(2094, 6, 2, 10));

        var onTuesdayNight = await RunAtAsync(driver, At(2094, 6, 8, 23), invoice);
        var onWednesday = await RunAtAsync(driver, At(2094, 6, 9, 1), invoice);

        Assert.That(onTuesdayNight, Is.EqualTo(InvoiceStatus.Created), "without the holiday, Tuesday would have been the annulment day");
        Assert.That(onWednesday, Is.EqualTo(InvoiceStatus.CanceledBySntDecline));
    }

    [Test]
    public async Task Should_apply_a_due_effect_exactly_once_when_two_runners_race()
    {
        var (driver, waybill, invoice) = await InvoiceOnAWaybillAsync();
        await ChangeStatusAsync(waybill, WaybillStatus.Declined, At(2095, 6, 1, 10));
        // Recording the same change again (a retried transaction) records one effect.
        await ChangeStatusAsync(waybill, WaybillStatus.Declined, At(2095, 6, 1, 11));
        MoveSellersClock(driver, At(2095, 6, 8, 12));

        var first = RegistryGateway.Fixture.Create<WaybillEffectRunner>();
        var second = RegistryGateway.Fixture.Create<WaybillEffectRunner>();
        await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));

        Assert.That(await StatusAsync(driver, invoice), Is.EqualTo(InvoiceStatus.CanceledBySntDecline));
        var history = await HistoryAsync(driver, invoice);
        Assert.That(history.Count(h => h.Status == InvoiceStatus.CanceledBySntDecline), Is.EqualTo(1));
        Assert.That(await EffectsAsync(waybill), Is.EqualTo(new[] { (true, 1) }), "one effect, applied, one invoice annulled");
    }

    [Test]
    public async Task Should_apply_an_effect_a_runner_held_when_it_died_after_a_restart()
    {
        var (driver, waybill, invoice) = await InvoiceOnAWaybillAsync();
        await ChangeStatusAsync(waybill, WaybillStatus.Declined, At(2096, 6, 6, 10));
        MoveSellersClock(driver, At(2096, 6, 13, 12));

        // A runner claimed the effect and dies before committing: while its transaction holds the row, nobody applies it…
        await using (var dying = await RowLock.TakeAsync(
            "SELECT 1 FROM waybill_effects WHERE waybill_number = @Waybill FOR UPDATE", new { Waybill = waybill }))
        {
            await RegistryGateway.Fixture.Create<WaybillEffectRunner>().RunOnceAsync(CancellationToken.None);
            Assert.That(await StatusAsync(driver, invoice), Is.EqualTo(InvoiceStatus.Created), "held by the dying runner");
            await dying.ReleaseAsync();
        }

        // …and the restarted process's runner applies it.
        await RegistryGateway.Fixture.Create<WaybillEffectRunner>().RunOnceAsync(CancellationToken.None);

        Assert.That(await StatusAsync(driver, invoice), Is.EqualTo(InvoiceStatus.CanceledBySntDecline));
        Assert.That((await HistoryAsync(driver, invoice)).Count(h => h.Status == InvoiceStatus.CanceledBySntDecline), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_annul_a_revoked_waybills_invoices_at_once_in_the_same_transaction()
    {
        var (driver, waybill, invoice) = await InvoiceOnAWaybillAsync();

        await ChangeStatusAsync(waybill, WaybillStatus.Revoked, DateTimeOffset.UtcNow);

        Assert.That(await StatusAsync(driver, invoice), Is.EqualTo(InvoiceStatus.CanceledBySntRevoke), "no runner pass needed");
        var annulment = (await HistoryAsync(driver, invoice)).Single(h => h.Status == InvoiceStatus.CanceledBySntRevoke);
        Assert.That(annulment.UserId, Is.EqualTo(WaybillEffectApplier.Actor));
        Assert.That(await EffectsAsync(waybill), Is.EqualTo(new[] { (true, 1) }));
    }

    [TestCase(WaybillStatus.Confirmed)]
    [TestCase(WaybillStatus.Delivered)]
    [TestCase(WaybillStatus.Canceled)]
    public async Task Should_record_nothing_for_a_status_without_consequences(WaybillStatus status)
    {
        var (driver, waybill, invoice) = await InvoiceOnAWaybillAsync();

        await ChangeStatusAsync(waybill, status, DateTimeOffset.UtcNow);

        Assert.That(await EffectsAsync(waybill), Is.Empty);
        Assert.That(await StatusAsync(driver, invoice), Is.EqualTo(InvoiceStatus.Created));
    }

    [Test]
    public async Task Should_forget_the_pending_effects_of_an_enterprise_its_sandbox_reset_removes()
    {
        var (driver, waybill, _) = await InvoiceOnAWaybillAsync();
        var (other, otherWaybill, _) = await InvoiceOnAWaybillAsync();
        await ChangeStatusAsync(waybill, WaybillStatus.Declined, At(2097, 6, 5, 10));
        await ChangeStatusAsync(otherWaybill, WaybillStatus.Declined, At(2097, 6, 5, 10));

        await RegistryGateway.Fixture.Get<SandboxReset>().ResetAsync(driver.Tenant.SellerTin, CancellationToken.None);

        Assert.That(await EffectsAsync(waybill), Is.Empty);
        Assert.That(await EffectsAsync(otherWaybill), Has.Count.EqualTo(1), $"another enterprise's ({other.Tenant.SellerTin}) stays");
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, Kazakhstan);

    /// <summary>A registered invoice naming a fresh waybill of the tenant in 32.1 (set in the row: no waybill is registered here).</summary>
    private static async Task<(PipelineDriver Driver, string Waybill, long Invoice)> InvoiceOnAWaybillAsync()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var waybill = Finding_the_invoices_of_a_waybill.WaybillNumber(driver.Tenant.SellerTin);
        return (driver, waybill, await RegisterAsync(driver, waybill));
    }

    private static async Task<long> RegisterAsync(PipelineDriver driver, string waybill)
    {
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE invoices SET waybill_number = @Waybill WHERE invoice_id = @Id", new { Waybill = waybill, Id = invoice.InvoiceId });
        return invoice.InvoiceId;
    }

    /// <summary>What the waybill's status change does in its own transaction (on <paramref name="fixture"/>, default the registry's).</summary>
    internal static async Task ChangeStatusAsync(string waybill, WaybillStatus status, DateTimeOffset at, GatewayFixture? fixture = null)
    {
        fixture ??= RegistryGateway.Fixture;
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await fixture.Get<IWaybillStatusConsequences>()
            .OnWaybillStatusChangedAsync(connection, transaction, waybill, status, at, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>Sets the seller's world to <paramref name="now"/> (the sandbox's offset over the gateway's clock).</summary>
    private static void MoveSellersClock(PipelineDriver driver, DateTimeOffset now)
    {
        var clock = RegistryGateway.Fixture.Get<SandboxClock>();
        var configured = clock.GetUtcNow() - clock.OffsetOf(EnterpriseScope.Tin);
        clock.Set(driver.Tenant.SellerTin, now - configured);
    }

    /// <summary>One runner pass with the seller's world at <paramref name="now"/>; answers the invoice's status after it.</summary>
    private static async Task<InvoiceStatus> RunAtAsync(PipelineDriver driver, DateTimeOffset now, long invoice)
    {
        MoveSellersClock(driver, now);
        await RegistryGateway.Fixture.Create<WaybillEffectRunner>().RunOnceAsync(CancellationToken.None);
        return await StatusAsync(driver, invoice);
    }

    private static async Task<InvoiceStatus> StatusAsync(PipelineDriver driver, long invoice) =>
        (await RegistryGateway.Fixture.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, [invoice], CancellationToken.None)).Single().Status;

    private static Task<IReadOnlyList<StatusHistoryRecord>> HistoryAsync(PipelineDriver driver, long invoice) =>
        RegistryGateway.Fixture.Get<InvoiceQueries>().GetHistoryAsync(driver.Session, [invoice], CancellationToken.None);

    private static async Task<IReadOnlyList<(bool Applied, int Annulled)>> EffectsAsync(string waybill)
    {
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<(bool, int)>(
            "SELECT applied_at IS NOT NULL, coalesce(annulled_invoices, 0) FROM waybill_effects WHERE waybill_number = @Waybill", new { Waybill = waybill })];
    }
}
