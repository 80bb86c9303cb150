using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Esf.Domain.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Warehouse;

/// <summary>The journal «Журнал Форм»: forms processed by the worker to «Обработанный» or «Ошибочный» with the reason, all or nothing.</summary>
[TestFixture]
public sealed class Processing_warehouse_forms
{
    [Test]
    public async Task Should_credit_a_remains_form_and_fail_a_write_off_beyond_the_balance_with_its_rule_moving_nothing()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");

        // Act
        var remains = await UploadProcessedAsync(client, new
        {
            type = "REMAINS", number = "1", date = "11.03.2018",
            lines = new[]
            {
                new
                {
                    warehouseId = warehouse.Id(), gsvsCode = "01.11.11.01", tnvedCode = "1001110000", sourceKind = "DT", sourceNumber = "12345/060316/9123456",
                    sourcePosition = 1, name = "Пшеница 2 сорт", country = "AR", price = 300m, quantity = 10m, unit = "166",
                },
            },
        });
        var goodsId = (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("goodsId").GetInt64();
        var oversell = await UploadProcessedAsync(client, new
        {
            type = "WRITE_OFF", number = "2", date = "12.03.2018", lines = new[] { new { goodsId, quantity = 4m }, new { goodsId, quantity = 7m } },
        });
        var writeOff = await UploadProcessedAsync(client, new { type = "WRITE_OFF", number = "3", date = "12.03.2018", lines = new[] { new { goodsId, quantity = 4m } } });

        // Assert
        var balance = (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("quantity").GetDecimal();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(remains.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"));
            Assert.That(remains.GetProperty("statusLabel").GetString(), Is.EqualTo("Обработанный"));
            Assert.That(remains.GetProperty("typeLabel").GetString(), Is.EqualTo("Остатки"));
            Assert.That(remains.GetProperty("total").GetDecimal(), Is.EqualTo(3000m));
            Assert.That(oversell.GetProperty("status").GetString(), Is.EqualTo("ERROR"));
            Assert.That(oversell.GetProperty("statusLabel").GetString(), Is.EqualTo("Ошибочный"));
            Assert.That(oversell.GetProperty("errorReason").GetString(), Does.StartWith($"VS-01: {WarehouseRules.BalanceMustCoverWriteOff.MessageRu}"));
            Assert.That(oversell.GetProperty("errorReason").GetString(), Does.EndWith("(строка 2)"));
            Assert.That(writeOff.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"));
            Assert.That(balance, Is.EqualTo(6m), "the failed form moved nothing, not even its first line");
        }
    }

    [Test]
    public async Task Should_pass_goods_to_the_registered_successor_on_a_reorganization_form_and_refuse_anyone_else()
    {
        // Arrange
        using var sender = await WarehouseRequests.LogInAsync();
        using var successor = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var from = await WarehouseRequests.CreateAsync(sender, "Склад реорганизуемого");
        var to = await WarehouseRequests.CreateAsync(successor, "Склад правопреемника");
        await WarehouseRequests.CreateAsync(stranger, "Склад постороннего");
        var goodsId = await WarehouseGoods.ReceiveAsync(sender.Tenant.SellerTin, from.Id(), 5m);
        await using (var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO taxpayer_successors (reorganized_tin, successor_tin, kind) VALUES (@From, @To, 'MERGER')",
                new { From = sender.Tenant.SellerTin, To = successor.Tenant.SellerTin });
        }

        // Act
        var refused = await UploadProcessedAsync(sender, new
        {
            type = "REORGANIZATION", number = "431", date = "11.03.2018", recipientTin = stranger.Tenant.SellerTin, lines = new[] { new { goodsId, quantity = 2m } },
        });
        var passed = await UploadProcessedAsync(sender, new
        {
            type = "REORGANIZATION", number = "432", date = "11.03.2018", recipientTin = successor.Tenant.SellerTin, lines = new[] { new { goodsId, quantity = 2m } },
        });
        using var foreign = await stranger.Http.GetAsync($"api/v1/warehouse-forms/{passed.Id()}");

        // Assert
        var left = (await WarehouseRequests.GetJsonAsync(sender, $"api/v1/warehouses/{from.Id()}/balances"))[0];
        var arrived = (await WarehouseRequests.GetJsonAsync(successor, $"api/v1/warehouses/{to.Id()}/balances"))[0];
        var successorsJournal = await WarehouseRequests.GetJsonAsync(successor, "api/v1/warehouse-forms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.GetProperty("errorReason").GetString(), Does.StartWith(WarehouseRules.RecipientMustSucceedSender.Id));
            Assert.That(passed.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), passed.ToString());
            Assert.That(left.GetProperty("quantity").GetDecimal(), Is.EqualTo(3m));
            Assert.That(arrived.GetProperty("quantity").GetDecimal(), Is.EqualTo(2m));
            Assert.That(arrived.GetProperty("sourceNumber").GetString(), Is.EqualTo(left.GetProperty("sourceNumber").GetString()), "the same goods");
            Assert.That(successorsJournal.EnumerateArray().Select(f => f.Id()), Is.EqualTo(new[] { passed.Id() }), "the recipient sees the form");
        }

        await AssertProblemAsync(foreign, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_refuse_a_malformed_form_at_upload()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");

        // Act
        using var unknownType = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms",
            new { type = "ПРИХОД", number = "1", date = "11.03.2018", lines = new[] { new { goodsId = 1, quantity = 1m } } });
        using var imported = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms", new
        {
            type = "PRODUCTION", number = "1", date = "11.03.2018",
            lines = new[]
            {
                new
                {
                    warehouseId = warehouse.Id(), gsvsCode = "01.11.11.01", tnvedCode = "1001110000", sourceKind = "DT", sourceNumber = "12345/060316/9123456",
                    name = "Пшеница", country = "AR", price = 300m, quantity = 1m, unit = "166",
                },
            },
        });
        using var empty = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms", new { type = "WRITE_OFF", number = "1", date = "11.03.2018", lines = Array.Empty<object>() });

        // Assert
        await AssertProblemAsync(unknownType, HttpStatusCode.BadRequest);
        await AssertProblemAsync(imported, HttpStatusCode.BadRequest);
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest);
    }

    /// <summary>Uploads a form (202) and polls the journal until the worker decided it.</summary>
    internal static async Task<JsonElement> UploadProcessedAsync(RestClient client, object form)
    {
        using var response = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms", form);
        var queued = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), queued.ToString());
        return await Poller.UntilAsync(() => WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-forms/{queued.Id()}"),
            f => f.GetProperty("status").GetString() != "QUEUED", $"form {queued.Id()} to be processed");
    }
}
