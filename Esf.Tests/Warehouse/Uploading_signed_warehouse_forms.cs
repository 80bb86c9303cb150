using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Warehouse forms uploaded signed through the upload pipeline (outbox → bus → worker, ADR 0024): «Обработанный» or «Ошибочный»
/// with the reason, the signature checked by the worker, a body that is not a form declined at upload, nobody else sees them.
/// </summary>
[TestFixture]
public sealed class Uploading_signed_warehouse_forms
{
    [Test]
    public async Task Should_process_a_signed_remains_form_through_the_worker_and_credit_its_goods()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");

        // Act
        var form = await UploadProcessedAsync(client, client.Tenant, WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum()));

        // Assert
        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), form.ToString());
        Assert.That(form.GetProperty("statusLabel").GetString(), Is.EqualTo("Обработанный"));
        Assert.That(form.GetProperty("typeLabel").GetString(), Is.EqualTo("Остатки"));
        var balances = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances");
        Assert.That(balances.EnumerateArray().Select(b => b.GetProperty("quantity").GetDecimal()), Is.EqualTo(new[] { 10m }));
    }

    [Test]
    public async Task Should_end_a_form_signed_with_another_enterprises_key_Ошибочный_with_VS_50_and_credit_nothing()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");

        // Act
        var form = await UploadProcessedAsync(client, stranger.Tenant, WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum()));

        // Assert
        Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("ERROR"), form.ToString());
        Assert.That(form.GetProperty("statusLabel").GetString(), Is.EqualTo("Ошибочный"));
        Assert.That(form.GetProperty("errorReason").GetString(), Does.StartWith("VS-50: " + WarehouseFormRules.SignerMustSignForSender.MessageRu));
        Assert.That((await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances")).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Should_end_a_signed_write_off_beyond_the_balance_Ошибочный_with_VS_01()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 5m);

        // Act
        var form = await UploadProcessedAsync(client, client.Tenant, new
        {
            type = "WRITE_OFF", number = TestTenant.UniqueNum(), date = "11.03.2018", lines = new[] { new { goodsId, quantity = 6m } },
        });

        // Assert
        Assert.That(form.GetProperty("errorReason").GetString(), Is.EqualTo($"VS-01: {WarehouseRules.BalanceMustCoverWriteOff.MessageRu}: goods line {goodsId}, 6 (строка 1)"));
        Assert.That((await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("quantity").GetDecimal(),
            Is.EqualTo(5m));
    }

    [Test]
    public async Task Should_decline_an_item_whose_body_is_not_a_form_and_keep_the_form_from_another_enterprise()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var good = JsonSerializer.Serialize(WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum(), 3m));
        const string bad = "{\"type\":\"REMAINS\",\"number\":\"1\"}";

        // Act
        using var response = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms/signed", UploadBody(client.Tenant, good, bad));
        var json = await RestClient.ReadJsonAsync(response);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        var declined = json.GetProperty("declined").EnumerateArray().Single();
        Assert.That(declined.GetProperty("index").GetInt32(), Is.EqualTo(1));
        Assert.That(declined.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("date"));
        var id = json.GetProperty("accepted").EnumerateArray().Single().GetProperty("id").GetInt64();
        using var byStranger = await stranger.Http.GetAsync($"api/v1/warehouse-forms/{id}");
        Assert.That(byStranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await WarehouseRequests.GetJsonAsync(stranger, "api/v1/warehouse-forms")).EnumerateArray()
            .Select(f => f.GetProperty("id").GetInt64()), Does.Not.Contain(id));
    }

    private static object UploadBody(TestTenant signer, params string[] bodies) => new
    {
        certificate = signer.CertificateBase64,
        forms = bodies.Select(body => new { body, version = "VsFormV1", signature = signer.Sign(body), signatureType = "COMPANY" }),
    };

    /// <summary>Uploads one form signed by <paramref name="signer"/> with its company key and polls it until the worker decided it.</summary>
    private static Task<JsonElement> UploadProcessedAsync(RestClient client, TestTenant signer, object form) =>
        SignedFormUploads.UploadDecidedAsync(client.Http, signer.CertificateBase64, signer.Sign, "COMPANY", form);
}
