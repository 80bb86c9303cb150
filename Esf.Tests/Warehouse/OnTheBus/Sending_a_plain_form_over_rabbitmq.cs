using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse.OnTheBus;

/// <summary>On RabbitMQ, a form uploaded as plain JSON reaches the worker through the broker, as an invoice does; nothing polls for it.</summary>
[TestFixture]
public sealed class Sending_a_plain_form_over_rabbitmq
{
    [Test]
    public async Task Should_process_a_plain_remains_form_through_the_broker_and_credit_its_goods()
    {
        // Arrange
        using var client = await RestClient.LogInAsync(WarehouseBusGateway.Fixture);
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");

        // Act
        var form = await Processing_warehouse_forms.UploadProcessedAsync(client, WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum(), 7m));

        // Assert
        var upload = await PlainFormUploads.OfAsync(form.Id());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(form.GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), form.ToString());
            Assert.That((upload.Kind, upload.Finished), Is.EqualTo(("VS_FORM", true)));
            Assert.That((await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("quantity").GetDecimal(),
                Is.EqualTo(7m));
        }
    }
}
