using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// A form uploaded as plain JSON travels the invoices' path (outbox → bus → worker, ADR 0024): it is stored with an upload, its
/// message wakes the worker, and nothing in the host polls the forms table.
/// </summary>
[TestFixture]
public sealed class Sending_plain_forms_through_the_bus
{
    [Test]
    public async Task Should_process_a_plain_form_through_its_upload_with_nothing_polling_the_forms()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var hosted = WarehouseGateway.Fixture.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        // Act
        var form = await Processing_warehouse_forms.UploadProcessedAsync(client, WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum()));

        // Assert
        var upload = await PlainFormUploads.OfAsync(form.Id());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hosted, Has.None.Contains("WarehouseForm"), "no background service polls the forms");
            Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), form.ToString());
            Assert.That(upload.Kind, Is.EqualTo("VS_FORM"));
            Assert.That(upload.Published, Is.True, "its message went out after commit");
            Assert.That(upload.Finished, Is.True, "finished with the form's verdict");
            Assert.That(upload.ItemCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Should_end_a_form_naming_a_malformed_declaration_number_Ошибочный_with_VS_51_and_its_error_code_and_credit_nothing()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var malformed = WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum(), declaration: "12345-060316-9123456");

        // Act
        var refused = await Processing_warehouse_forms.UploadProcessedAsync(client, malformed);
        var processed = await Processing_warehouse_forms.UploadProcessedAsync(client, WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum()));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.GetProperty("status").GetString(), Is.EqualTo("ERROR"), refused.ToString());
            Assert.That(refused.GetProperty("errorReason").GetString(), Does.StartWith("VS-51: ").And.EndWith("(строка 1)"));
            Assert.That(refused.GetProperty("errorCode").GetString(), Is.EqualTo("GTD_NUMBER_INVALID"));
            Assert.That(processed.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), processed.ToString());
            Assert.That(processed.GetProperty("errorCode").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That((await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("quantity").GetDecimal(),
                Is.EqualTo(10m), "only the well-formed form credited");
        }
    }

    [Test]
    public async Task Should_refuse_a_plain_form_repeating_a_number_and_date_with_409_and_store_no_second_upload()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var number = TestTenant.UniqueNum();
        await Processing_warehouse_forms.UploadProcessedAsync(client, WarehouseFormBodies.Remains(warehouse.Id(), number));

        // Act
        using var repeated = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms", WarehouseFormBodies.Remains(warehouse.Id(), number));

        // Assert
        Assert.That(repeated.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await repeated.Content.ReadAsStringAsync());
        var problem = await ProblemAssertions.AssertProblemAsync(repeated, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("ruleId").GetString(), Is.EqualTo(Esf.Domain.Warehouse.WarehouseFormRules.NumberAndDateMustBeUnique.Id));
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("NOT_UNIQUE_NUMBER_AND_DATE"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(number), "the refused number is named");
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM uploads WHERE tin = @Tin AND document_kind = 'VS_FORM'", new { Tin = client.Tenant.SellerTin }), Is.EqualTo(1),
            "the refused upload rolled back with its form");
    }
}

/// <summary>The upload a form travelled with, read from <c>uploads</c>.</summary>
internal static class PlainFormUploads
{
    public static async Task<UploadRow> OfAsync(long formId)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        return await connection.QuerySingleAsync<UploadRow>("""
            SELECT u.upload_id AS UploadId, u.document_kind AS Kind, u.published_at IS NOT NULL AS Published, u.finished_at IS NOT NULL AS Finished,
                   u.item_count AS ItemCount, u.publish_count AS PublishCount
            FROM warehouse_forms f JOIN uploads u ON u.upload_id = f.upload_id WHERE f.form_id = @FormId
            """, new { FormId = formId });
    }

    internal sealed record UploadRow(long UploadId, string Kind, bool Published, bool Finished, int ItemCount, int PublishCount);
}
