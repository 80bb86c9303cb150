using System.Net;
using System.Net.Http.Json;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Warehouse;

/// <summary>The menu «Склады»: a tree of warehouses per taxpayer, exactly one default, edit and delete, visible to its owner only.</summary>
[TestFixture]
public sealed class Managing_warehouses
{
    [Test]
    public async Task Should_make_the_first_warehouse_the_default_and_move_the_default_in_one_step()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(client, "Центральный склад");
        using var shopResponse = await client.Http.PostAsJsonAsync("api/v1/warehouses",
            WarehouseRequests.Body("Магазин", type: "Точка продаж", parentId: central.Id()));
        var shop = await RestClient.ReadJsonAsync(shopResponse);

        // Act
        using var made = await client.Http.PostAsync($"api/v1/warehouses/{shop.Id()}/default", null);
        var list = await WarehouseRequests.GetJsonAsync(client, "api/v1/warehouses");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(central.GetProperty("isDefault").GetBoolean(), Is.True, "the first warehouse is the default");
            Assert.That(shop.GetProperty("isDefault").GetBoolean(), Is.False);
            Assert.That(shop.GetProperty("type").GetString(), Is.EqualTo("SALES_POINT"));
            Assert.That(shop.GetProperty("typeLabel").GetString(), Is.EqualTo("Точка продаж"));
            Assert.That(shop.GetProperty("parentId").GetInt64(), Is.EqualTo(central.Id()));
            Assert.That(made.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list.EnumerateArray().Where(w => w.GetProperty("isDefault").GetBoolean()).Select(w => w.Id()),
                Is.EqualTo(new[] { shop.Id() }), "exactly one default: the new one");
        }
    }

    [Test]
    public async Task Should_edit_a_warehouse_and_refuse_a_parent_under_itself()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var parent = await WarehouseRequests.CreateAsync(client, "Склад 1");
        var child = await WarehouseRequests.CreateAsync(client, "Склад 2", parent.Id());

        // Act
        using var renamed = await client.Http.PutAsJsonAsync($"api/v1/warehouses/{child.Id()}", WarehouseRequests.Body("Склад 2а", parentId: parent.Id()));
        using var cycle = await client.Http.PutAsJsonAsync($"api/v1/warehouses/{parent.Id()}", WarehouseRequests.Body("Склад 1", parentId: child.Id()));
        using var badType = await client.Http.PostAsJsonAsync("api/v1/warehouses", WarehouseRequests.Body("Склад 3", type: "Сарай"));
        using var badTin = await client.Http.PostAsJsonAsync("api/v1/warehouses", WarehouseRequests.Body("Склад 3", responsibleTin: "12345"));

        // Assert
        Assert.That((await RestClient.ReadJsonAsync(renamed)).GetProperty("name").GetString(), Is.EqualTo("Склад 2а"));
        await AssertProblemAsync(cycle, HttpStatusCode.BadRequest);
        await AssertProblemAsync(badType, HttpStatusCode.BadRequest);
        await AssertProblemAsync(badTin, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_delete_an_empty_warehouse_but_not_the_default_while_others_remain()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var main = await WarehouseRequests.CreateAsync(client, "Основной");
        var spare = await WarehouseRequests.CreateAsync(client, "Запасной");

        // Act
        using var refused = await client.Http.DeleteAsync($"api/v1/warehouses/{main.Id()}");
        using var deleted = await client.Http.DeleteAsync($"api/v1/warehouses/{spare.Id()}");
        using var gone = await client.Http.GetAsync($"api/v1/warehouses/{spare.Id()}");

        // Assert
        var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WarehouseErrors.IsDefault));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_answer_404_for_another_enterprises_warehouse()
    {
        // Arrange
        using var owner = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Чужой склад");
        var path = $"api/v1/warehouses/{warehouse.Id()}";

        // Act
        using var read = await stranger.Http.GetAsync(path);
        using var edit = await stranger.Http.PutAsJsonAsync(path, WarehouseRequests.Body("Мой"));
        using var makeDefault = await stranger.Http.PostAsync($"{path}/default", null);
        using var delete = await stranger.Http.DeleteAsync(path);
        using var asParent = await stranger.Http.PostAsJsonAsync("api/v1/warehouses", WarehouseRequests.Body("Дочерний", parentId: warehouse.Id()));
        var strangersList = await WarehouseRequests.GetJsonAsync(stranger, "api/v1/warehouses");

        // Assert
        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        await AssertProblemAsync(edit, HttpStatusCode.NotFound);
        await AssertProblemAsync(makeDefault, HttpStatusCode.NotFound);
        await AssertProblemAsync(delete, HttpStatusCode.NotFound);
        await AssertProblemAsync(asParent, HttpStatusCode.BadRequest);
        Assert.That(strangersList.GetArrayLength(), Is.Zero);
        Assert.That((await WarehouseRequests.GetJsonAsync(owner, path)).GetProperty("name").GetString(), Is.EqualTo("Чужой склад"), "unchanged");
    }

    [Test]
    public async Task Should_remove_the_warehouses_on_a_sandbox_reset()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        await WarehouseRequests.CreateAsync(client, "Склад песочницы");

        // Act
        await WarehouseGateway.Fixture.Get<SandboxReset>().ResetAsync(client.Tenant.SellerTin, CancellationToken.None);

        // Assert
        Assert.That((await WarehouseRequests.GetJsonAsync(client, "api/v1/warehouses")).GetArrayLength(), Is.Zero);
    }
}
