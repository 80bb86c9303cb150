using System.Globalization;
using System.Text.Json;
using Esf.Infrastructure.Sandbox;
using Esf.Tests.Feed;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// A warehouse form's verdict — «Обработанный» (PROCESSED) or «Ошибочный» (ERROR, with the reason) — in GET /api/v1/updates
/// (issue 13, ADR 0031): chosen with <c>kinds=WAREHOUSE_FORM</c>, numbered from the one counter, seen by the form's owner only.
/// </summary>
[TestFixture]
public sealed class Following_warehouse_forms_in_the_change_feed
{
    [Test]
    public async Task Should_show_the_processed_and_the_erroneous_form_to_its_owner_with_the_reason()
    {
        // Arrange
        using var owner = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        var remains = await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(warehouse.Id(), "1"));
        var goodsId = (await WarehouseRequests.GetJsonAsync(owner, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("goodsId").GetInt64();
        var oversell = await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.WriteOff(goodsId, "2", 11m));

        // Act
        var forms = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=warehouse_form");
        var outbound = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=WAREHOUSE_FORM&direction=OUTBOUND");
        var inbound = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=WAREHOUSE_FORM&direction=INBOUND");
        var byDefault = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forms.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("documentId").GetInt64(), e.GetProperty("fromStatus").GetString(),
                e.GetProperty("status").GetString())), Is.EqualTo(new[]
            {
                ("WAREHOUSE_FORM", remains.Id(), "QUEUED", "PROCESSED"),
                ("WAREHOUSE_FORM", oversell.Id(), "QUEUED", "ERROR"),
            }));
            Assert.That(forms[0].GetProperty("reason").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(forms[1].GetProperty("reason").GetString(), Is.EqualTo(oversell.GetProperty("errorReason").GetString()));
            Assert.That(forms.Select(e => e.GetProperty("tin").GetString()), Is.All.EqualTo(owner.Tenant.SellerTin));
            Assert.That(forms.Select(e => e.GetProperty("invoiceId").ValueKind), Is.All.EqualTo(JsonValueKind.Null), "invoiceId is for invoices");
            Assert.That(outbound, Has.Count.EqualTo(2), "a form is its sender's outgoing document");
            Assert.That(inbound, Is.Empty);
            Assert.That(byDefault, Is.Empty, "a client that names no kinds gets invoices only, as before");
        }
    }

    [Test]
    public async Task Should_show_nothing_of_a_form_to_another_enterprise()
    {
        // Arrange
        using var owner = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(warehouse.Id(), "1"));

        // Act
        var owners = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=WAREHOUSE_FORM");
        var strangers = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(stranger, "kinds=INVOICE,WAYBILL,MOVEMENT,WAREHOUSE_FORM");

        // Assert
        Assert.That(owners, Has.Count.EqualTo(1));
        Assert.That(strangers, Is.Empty, "another enterprise sees none of the owner's forms");
    }

    [Test]
    public async Task Should_number_form_verdicts_and_their_movements_from_one_counter()
    {
        // Arrange: two forms, each crediting goods; a form's movements and its verdict commit together.
        using var owner = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(warehouse.Id(), "1"));
        await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(warehouse.Id(), "2", 5m));

        // Act: both kinds one event a page, and each kind on its own.
        var together = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=MOVEMENT,WAREHOUSE_FORM", pageSize: 1);
        var forms = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=WAREHOUSE_FORM");
        var movements = await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=MOVEMENT");

        // Assert
        var positions = together.Select(Position).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(positions, Is.Ordered.Ascending.And.Unique, "one counter: no position twice, never backwards");
            Assert.That(positions, Is.EquivalentTo(forms.Concat(movements).Select(Position)), "the union of the kinds, nothing lost");
            Assert.That(together.Select(e => e.GetProperty("kind").GetString()), Has.Exactly(2).EqualTo("WAREHOUSE_FORM").And.Exactly(2).EqualTo("MOVEMENT"));
        }
    }

    [Test]
    public async Task Should_remove_a_forms_logged_verdicts_with_the_form_on_a_sandbox_reset()
    {
        // Arrange
        using var owner = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(warehouse.Id(), "1"));

        // Act: the log refers to its form, so the reset must remove both.
        await WarehouseGateway.Fixture.Get<SandboxReset>().ResetAsync(owner.Tenant.SellerTin, CancellationToken.None);

        // Assert
        Assert.That((await WarehouseRequests.GetJsonAsync(owner, "api/v1/warehouse-forms")).GetArrayLength(), Is.Zero);
        Assert.That(await Following_waybills_and_movements_in_the_change_feed.ReadAllAsync(owner, "kinds=WAREHOUSE_FORM"), Is.Empty);
    }

    private static long Position(JsonElement e) => long.Parse(e.GetProperty("cursor").GetString()!, CultureInfo.InvariantCulture);
}
