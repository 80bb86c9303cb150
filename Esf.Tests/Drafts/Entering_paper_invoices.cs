using System.Globalization;
using System.Net;
using Dapper;
using Esf.Tests.Infrastructure;
using Esf.Tests.Registry;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Drafts;

/// <summary>
/// Issue 14 item 3 (spec-rest §3.5): the outage-date registry is readable by anyone, and a paper invoice for the reason
/// «Техническая ошибка или плановые работы» registers on a confirmed outage date and fails A-08 on another.
/// </summary>
[TestFixture]
[NonParallelizable] // both tests declare a day in the outage registry every test of this database shares
public sealed class Entering_paper_invoices
{
    private static GatewayFixture Gateway => DraftsGateway.Fixture;

    [Test]
    public async Task Should_answer_the_outage_dates_of_a_period_to_anyone()
    {
        var day = PastDay();
        await using var outage = await OutageAsync(day);
        using var anonymous = Gateway.CreateClient();

        using var response = await anonymous.GetAsync($"api/v1/registry/outage-dates?from={Text(day.AddDays(-1))}&to={day.AddDays(1):yyyy-MM-dd}");
        using var tooLong = await anonymous.GetAsync($"api/v1/registry/outage-dates?from={Text(day)}&to={Text(day.AddDays(400))}");

        var page = await RegistryHttp.ReadAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        var dates = page.GetProperty("outages").EnumerateArray().Select(o => (o.GetProperty("date").GetString(), o.GetProperty("reason").GetString()));
        Assert.That(dates, Is.EqualTo(new[] { (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "плановые работы") }));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Should_register_a_paper_invoice_for_an_outage_date_and_fail_one_for_another_date()
    {
        using var client = await RegistryHttp.LogInAsync(Gateway);
        var day = PastDay();
        await using var outage = await OutageAsync(day);
        string Paper(DateOnly date) => TestInvoices.OnPaper(
            TestInvoices.Build(TestTenant.UniqueNum(), Text(day), client.Tenant.SellerTin, client.Tenant.CustomerTin), Text(date), "DOWN_TIME");

        var onOutage = await client.RegisterAsync(Paper(day));
        var onAnotherDay = await client.RegisterAsync(Paper(day.AddDays(1)));

        Assert.That(onOutage.GetProperty("status").GetString(), Is.EqualTo("CREATED"), onOutage.ToString());
        Assert.That(onAnotherDay.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
        Assert.That(onAnotherDay.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()), Is.EqualTo(new[] { "A-08" }));
    }

    /// <summary>A day long enough ago that GET /api/v1/status (the last 30 days) never shows it, and unlikely to be another test's.</summary>
    private static DateOnly PastDay() => ControlledClock.KazakhstanToday.AddDays(-40 - Random.Shared.Next(1000));

    private static string Text(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static async Task<DeclaredOutage> OutageAsync(DateOnly day)
    {
        await using var connection = await Gateway.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO outage_dates (outage_date, reason) VALUES (@Day, 'плановые работы') ON CONFLICT DO NOTHING", new { Day = day });
        return new DeclaredOutage(day);
    }

    /// <summary>Removes the declared day again: the registry is shared by every test of this database.</summary>
    private sealed record DeclaredOutage(DateOnly Day) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var connection = await Gateway.Get<NpgsqlDataSource>().OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM outage_dates WHERE outage_date = @Day", new { Day });
        }
    }
}
