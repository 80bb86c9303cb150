using System.Net.Http.Json;
using Dapper;
using Esf.Infrastructure;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// A plain form is an upload like an invoice's, so it survives what an invoice survives: its message lost after commit (the gateway-only
/// host here has no consumer), a worker that claimed it and died, and deliveries repeated — the relay sends it again, the next
/// delivery decides it, and it is decided exactly once.
/// </summary>
[TestFixture]
public sealed class Deciding_a_form_once_whatever_is_lost : WorkerlessGateway
{
    [Test]
    public async Task Should_keep_an_accepted_form_through_a_lost_message_and_a_dead_worker_and_decide_it_once_over_repeated_deliveries()
    {
        // Arrange: a form accepted (202) whose message nobody consumes, then claimed by a worker that died an hour ago.
        using var client = await RestClient.LogInAsync(Gateway);
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        using var accepted = await client.Http.PostAsJsonAsync("api/v1/warehouse-forms", WarehouseFormBodies.Remains(warehouse.Id(), TestTenant.UniqueNum()));
        var formId = (await RestClient.ReadJsonAsync(accepted)).Id();
        var upload = await PlainFormUploads.OfAsync(formId);
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var deadWorker = await UploadOutbox.TryClaimAsync(connection, upload.UploadId, "a-worker-that-died", TimeSpan.FromSeconds(30), CancellationToken.None);
        await connection.ExecuteAsync("""
            UPDATE uploads SET received_at = now() - interval '1 hour', published_at = now() - interval '1 hour', claimed_at = now() - interval '1 hour'
            WHERE upload_id = @Id
            """, new { Id = upload.UploadId });
        var queuedMeanwhile = await StatusAsync(connection, formId);
        using var relay = new UploadRelay(Gateway.Get<NpgsqlDataSource>(), Gateway.Get<IBus>(), Options.Create(new EsfOptions()), TimeProvider.System,
            NullLogger<UploadRelay>.Instance);
        var registrar = ActivatorUtilities.CreateInstance<InvoiceRegistrar>(Gateway.Services, Gateway.Create<WarehouseFormProcessor>());

        // Act: the relay republishes; then three deliveries, two of them at once.
        await relay.SweepAsync(upload.UploadId, CancellationToken.None);
        var republished = await PlainFormUploads.OfAsync(formId);
        await Task.WhenAll(registrar.ProcessAsync(upload.UploadId, CancellationToken.None), registrar.ProcessAsync(upload.UploadId, CancellationToken.None));
        await registrar.ProcessAsync(upload.UploadId, CancellationToken.None);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deadWorker, Is.Not.Null, "the dead worker held the claim");
            Assert.That(queuedMeanwhile, Is.EqualTo("QUEUED"), "nothing decided it while its message was lost");
            Assert.That(republished.PublishCount, Is.EqualTo(upload.PublishCount + 1), "the relay sent it again");
            Assert.That(await StatusAsync(connection, formId), Is.EqualTo("PROCESSED"));
            Assert.That(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM warehouse_form_status_history WHERE form_id = @Id", new { Id = formId }),
                Is.EqualTo(1), "one verdict");
            Assert.That(await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM warehouse_movements WHERE cause_kind = 'FORM' AND cause_ref LIKE @Ref", new { Ref = $"{formId}#%" }), Is.EqualTo(1),
                "one receipt");
            Assert.That((await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("quantity").GetDecimal(),
                Is.EqualTo(10m));
        }
    }

    [Test]
    public async Task Should_give_a_form_queued_before_the_upgrade_an_upload_the_worker_then_decides()
    {
        // Arrange: a plain form as the poller left it before migration 0163 — QUEUED, with no upload.
        using var client = await RestClient.LogInAsync(Gateway);
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var lines = System.Text.Json.JsonSerializer.Serialize(new[] { new FormLine(warehouse.Id(), WarehouseGoods.Wheat(), null, 4m) });
        var formId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO warehouse_forms (tin, kind, number, form_date, lines, created_at)
            VALUES (@Tin, 'REMAINS', @Number, DATE '2018-03-11', @Lines::jsonb, now()) RETURNING form_id
            """, new { Tin = client.Tenant.SellerTin, Number = TestTenant.UniqueNum(), Lines = lines });
        var migration = await File.ReadAllTextAsync(Path.Combine(TestServices.RepositoryRoot, "Esf.Infrastructure", "Persistence", "Migrations",
            "0163_forms_travel_the_upload_outbox.sql"));

        // Act
        await connection.ExecuteAsync(migration);
        var upload = await PlainFormUploads.OfAsync(formId);
        await ActivatorUtilities.CreateInstance<InvoiceRegistrar>(Gateway.Services, Gateway.Create<WarehouseFormProcessor>())
            .ProcessAsync(upload.UploadId, CancellationToken.None);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((upload.Kind, upload.Published, upload.Finished), Is.EqualTo(("VS_FORM", false, false)), "unpublished: the relay sends it");
            Assert.That(await StatusAsync(connection, formId), Is.EqualTo("PROCESSED"));
            Assert.That((await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("quantity").GetDecimal(),
                Is.EqualTo(4m));
        }
    }

    private static Task<string> StatusAsync(NpgsqlConnection connection, long formId) =>
        connection.ExecuteScalarAsync<string>("SELECT status FROM warehouse_forms WHERE form_id = @Id", new { Id = formId })!;
}
