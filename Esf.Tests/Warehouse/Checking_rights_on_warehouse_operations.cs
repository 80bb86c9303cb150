using System.Net;
using System.Net.Http.Json;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Participants;
using Esf.Tests.Rest;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Every warehouse operation checks the employee right it needs, as invoices and waybills do (ADR 0037 amendment): reading needs
/// VIEW, a warehouse card CREATE, what moves goods or is sent to the Module (forms, transfers, the ФНО 328.00 matching) SIGN. The
/// head holds every right; a right outside its term is not held; nobody reaches another enterprise's warehouses.
/// </summary>
[TestFixture]
public sealed class Checking_rights_on_warehouse_operations
{
    [Test]
    public async Task Should_let_a_view_only_employee_read_balances_but_not_create_a_warehouse_upload_a_form_or_transfer()
    {
        // Arrange: the head's warehouse holding wheat, and a second one to transfer to.
        using var stocked = await StockedAsync();
        var (workplace, warehouse, other, goodsId) = stocked;
        using var viewer = await workplace.EnrolAsync("VIEW");
        using var http = await viewer.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var balances = await http.GetAsync($"api/v1/warehouses/{warehouse}/balances");
        using var export = await http.GetAsync("api/v1/warehouse-balances/export?format=csv");
        using var prefill = await http.GetAsync($"api/v1/warehouses/{warehouse}/balances/{goodsId}/invoice-prefill");
        using var forms = await http.GetAsync("api/v1/warehouse-forms");
        using var create = await http.PostAsJsonAsync("api/v1/warehouses", WarehouseRequests.Body("Склад сотрудника"));
        using var upload = await http.PostAsJsonAsync("api/v1/warehouse-forms", WarehouseFormBodies.Remains(warehouse, TestTenant.UniqueNum()));
        using var transfer = await http.PostAsJsonAsync($"api/v1/warehouses/{warehouse}/transfers", new { goodsId, toWarehouseId = other, quantity = 1m });
        using var delete = await http.DeleteAsync($"api/v1/warehouses/{other}");

        // Assert
        Assert.That(new[] { balances.StatusCode, export.StatusCode, prefill.StatusCode, forms.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
        await AssertRefusedForAsync(create, "CREATE");
        await AssertRefusedForAsync(upload, "SIGN");
        await AssertRefusedForAsync(transfer, "SIGN");
        await AssertRefusedForAsync(delete, "CREATE");
        Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(10m), "the refused transfer moved nothing");
    }

    [Test]
    public async Task Should_let_the_head_create_a_warehouse_and_upload_a_form()
    {
        // Arrange
        using var workplace = await Workplace.OpenAsync(WarehouseGateway.Fixture);

        // Act
        var warehouse = await CreatedIdAsync(workplace.HeadHttp, "Склад руководителя");
        using var upload = await workplace.HeadHttp.PostAsJsonAsync("api/v1/warehouse-forms", WarehouseFormBodies.Remains(warehouse, TestTenant.UniqueNum()));

        // Assert
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_let_a_signing_employee_upload_a_form_and_transfer_without_the_viewing_right_but_not_read()
    {
        // Arrange: the form goes to the second warehouse, so that the worker's receipt does not change the line transferred from.
        using var stocked = await StockedAsync();
        var (workplace, warehouse, other, goodsId) = stocked;
        using var signer = await workplace.EnrolAsync("SIGN");
        using var http = await signer.ClientAsync(workplace.Head.SellerTin);

        // Act
        using var upload = await http.PostAsJsonAsync("api/v1/warehouse-forms", WarehouseFormBodies.Remains(other, TestTenant.UniqueNum()));
        using var transfer = await http.PostAsJsonAsync($"api/v1/warehouses/{warehouse}/transfers", new { goodsId, toWarehouseId = other, quantity = 4m });
        using var balances = await http.GetAsync($"api/v1/warehouses/{warehouse}/balances");
        using var list = await http.GetAsync("api/v1/warehouses");

        // Assert
        Assert.That((upload.StatusCode, transfer.StatusCode), Is.EqualTo((HttpStatusCode.Accepted, HttpStatusCode.NoContent)),
            await upload.Content.ReadAsStringAsync() + await transfer.Content.ReadAsStringAsync());
        Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(6m));
        await AssertRefusedForAsync(balances, "VIEW");
        await AssertRefusedForAsync(list, "VIEW");
    }

    [Test]
    public async Task Should_refuse_a_warehouse_change_once_the_creating_right_has_expired()
    {
        // Arrange: CREATE for today only; the session is judged by a clock the test sets (never by waiting).
        using var workplace = await Workplace.OpenAsync(WarehouseGateway.Fixture);
        using var person = await workplace.EnrolAsync();
        using var granted = await Workplace.GrantAsync(workplace.HeadHttp, person.Iin, "CREATE", Workplace.Today, Workplace.Today);
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        var lastMinutes = new DateTimeOffset(Workplace.Today.ToDateTime(new TimeOnly(23, 50)), TimeSpan.FromHours(5));
        var clock = new ControlledClock(lastMinutes);
        var sessions = ActivatorUtilities.CreateInstance<SessionService>(WarehouseGateway.Fixture.Services, (TimeProvider)clock);
        var sessionId = await sessions.CreateAsync(
            new CreateSessionRequest(workplace.Head.SellerTin, person.CertificateBase64, person.Iin, TestTenant.DefaultPassword), CancellationToken.None);
        var store = WarehouseGateway.Fixture.Get<WarehouseStore>();

        // Act
        var created = await store.CreateAsync(await sessions.RequireAsync(sessionId, CancellationToken.None), Draft("В последний день"), CancellationToken.None);
        clock.Now = lastMinutes.AddMinutes(20);
        var dayAfter = await sessions.RequireAsync(sessionId, CancellationToken.None);
        var refusal = await Assert.ThrowsAsync<RuleRefusal>(() => store.CreateAsync(dayAfter, Draft("На следующий день"), CancellationToken.None));
        await sessions.CloseAsync(sessionId, CancellationToken.None);

        // Assert
        Assert.That(created.Tin, Is.EqualTo(workplace.Head.SellerTin));
        Assert.That((refusal!.RuleId, refusal.ErrorCode), Is.EqualTo(("EMP-01", "NO_REQUIRED_PERMISSIONS")));
        Assert.That(refusal.Message, Does.StartWith($"EMP-01: {EmployeeRules.RightMustBeHeld.MessageRu}").And.Contain("(CREATE)"));
    }

    [Test]
    public async Task Should_not_let_an_employee_with_every_right_reach_another_enterprises_warehouse_or_form()
    {
        // Arrange: a stranger enterprise with a warehouse holding goods and a form (into its other warehouse, so that the worker does
        // not change the goods line checked at the end); our employee holds every right at home.
        using var home = await Workplace.OpenAsync(WarehouseGateway.Fixture);
        using var stranger = await Workplace.OpenAsync(WarehouseGateway.Fixture);
        var theirs = await CreatedIdAsync(stranger.HeadHttp, "Чужой склад");
        var theirGoods = await WarehouseGoods.ReceiveAsync(stranger.Head.SellerTin, theirs, 10m);
        var theirOther = await CreatedIdAsync(stranger.HeadHttp, "Другой чужой склад");
        using var theirForm = await stranger.HeadHttp.PostAsJsonAsync("api/v1/warehouse-forms", WarehouseFormBodies.Remains(theirOther, TestTenant.UniqueNum()));
        var theirFormId = (await Workplace.JsonAsync(theirForm)).Id();
        var ours = await CreatedIdAsync(home.HeadHttp, "Свой склад");
        using var employee = await home.EnrolAsync("VIEW", "CREATE", "SIGN", "CHANGE_STATUS");
        using var http = await employee.ClientAsync(home.Head.SellerTin);

        // Act
        using var read = await http.GetAsync($"api/v1/warehouses/{theirs}");
        using var balances = await http.GetAsync($"api/v1/warehouses/{theirs}/balances");
        using var edit = await http.PutAsJsonAsync($"api/v1/warehouses/{theirs}", WarehouseRequests.Body("Захваченный склад"));
        using var transfer = await http.PostAsJsonAsync($"api/v1/warehouses/{theirs}/transfers", new { goodsId = theirGoods, toWarehouseId = ours, quantity = 1m });
        using var form = await http.GetAsync($"api/v1/warehouse-forms/{theirFormId}");
        var login = await Assert.CatchAsync<EsfException>(() => employee.LoginAsync(stranger.Head.SellerTin));

        // Assert
        foreach (var refused in new[] { read, balances, edit, transfer, form })
        {
            await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.NotFound);
        }

        Assert.That(login, Is.Not.Null, "a person who is not a member cannot open a session for the enterprise");
        Assert.That(await WarehouseInvoices.BalanceAsync(theirGoods), Is.EqualTo(10m));
    }

    /// <summary>The refusal is EMP-01 as a problem (403, errorCode, ruleId, the Russian message) naming the missing <paramref name="right"/>.</summary>
    private static async Task AssertRefusedForAsync(HttpResponseMessage refused, string right)
    {
        var problem = await ProblemAssertions.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.That((problem.GetProperty("ruleId").GetString(), problem.GetProperty("errorCode").GetString()), Is.EqualTo(("EMP-01", "NO_REQUIRED_PERMISSIONS")),
            refused.RequestMessage?.RequestUri?.ToString());
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith($"EMP-01: {EmployeeRules.RightMustBeHeld.MessageRu}").And.Contain($"({right})"));
    }

    /// <summary>An enterprise whose head keeps 10 units of wheat in one warehouse and has a second, empty one.</summary>
    private static async Task<Stocked> StockedAsync()
    {
        var workplace = await Workplace.OpenAsync(WarehouseGateway.Fixture);
        var warehouse = await CreatedIdAsync(workplace.HeadHttp, "Склад");
        var other = await CreatedIdAsync(workplace.HeadHttp, "Второй склад");
        return new Stocked(workplace, warehouse, other, await WarehouseGoods.ReceiveAsync(workplace.Head.SellerTin, warehouse, 10m));
    }

    private static async Task<long> CreatedIdAsync(HttpClient head, string name)
    {
        using var response = await head.PostAsJsonAsync("api/v1/warehouses", WarehouseRequests.Body(name));
        var json = await Workplace.JsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToString());
        return json.Id();
    }

    private static WarehouseDraft Draft(string name) => new(name, null, "Адрес 7", WarehouseKind.Warehouse, "123456789021", false);
}

/// <param name="GoodsId">The wheat's goods line in <paramref name="Warehouse"/>.</param>
internal sealed record Stocked(Workplace Workplace, long Warehouse, long Other, long GoodsId) : IDisposable
{
    public void Dispose() => Workplace.Dispose();
}
