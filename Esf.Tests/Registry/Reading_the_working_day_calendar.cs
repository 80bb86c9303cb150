using System.Net;
using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Registration;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>
/// The working-day calendar as a registry (issue 12 item 5): imported like the others, read over REST per year, and what the
/// worker counts the decline window of R155 on. Each test owns a year no other test imports.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Reading_the_working_day_calendar
{
    [Test]
    public async Task Should_answer_the_imported_days_off_and_working_weekends_of_the_year_only()
    {
        var csv = "day,is_working,name_ru\n2091-01-01,false,Новый год\n2091-01-06,true,Перенос рабочего дня\n2092-01-01,false,Новый год\n" +
            "2091-13-01,false,Нет такого дня\n";

        var (status, report) = await Importing_registries_from_csv.PostAsync("calendar", csv);
        using var client = await RegistryHttp.LogInAsync();
        var year = JsonDocument.Parse(await client.Http.GetStringAsync("api/v1/registry/calendar?year=2091")).RootElement;

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        Assert.That(report.GetProperty("rejected")[0].GetProperty("line").GetInt32(), Is.EqualTo(5));
        Assert.That(year.GetProperty("year").GetInt32(), Is.EqualTo(2091));
        var days = year.GetProperty("days").EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("isWorking").GetBoolean(), d.GetProperty("name").GetString())).ToList();
        Assert.That(days, Is.EqualTo(new[] { ("2091-01-01", false, "Новый год"), ("2091-01-06", true, "Перенос рабочего дня") }));
    }

    [TestCase("")]
    [TestCase("?year=abc")]
    [TestCase("?year=0")]
    public async Task Should_answer_400_without_a_valid_year(string query)
    {
        using var client = await RegistryHttp.LogInAsync();

        using var response = await client.Http.GetAsync($"api/v1/registry/calendar{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_answer_401_without_a_session()
    {
        using var http = RegistryGateway.Fixture.CreateClient();

        using var response = await http.GetAsync("api/v1/registry/calendar?year=2091");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_give_the_worker_the_calendar_for_an_invoice_issued_on_a_waybill_only()
    {
        var (status, _) = await Importing_registries_from_csv.PostAsync("calendar", "day,is_working\n2092-03-09,false\n");
        var onWaybill = InvoiceDocument.Of(new InvoiceBody { DeliveryDocNum = new string('7', 42) });
        var ordinary = InvoiceDocument.Of(new InvoiceBody { DeliveryDocNum = "ТТН-15" });
        await using var connection = await RegistryGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();

        var forWaybill = await RegistryFacts.LoadAsync(connection, [onWaybill], new DateOnly(2092, 3, 9), lockOriginals: false, CancellationToken.None);
        var forOrdinary = await RegistryFacts.LoadAsync(connection, [ordinary], new DateOnly(2092, 3, 9), lockOriginals: false, CancellationToken.None);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forWaybill.WorkingDays?.IsWorkingDay(new DateOnly(2092, 3, 9)), Is.False, "a listed Monday off");
        Assert.That(forOrdinary.WorkingDays, Is.Null, "an ordinary batch does not read the calendar");
    }
}
