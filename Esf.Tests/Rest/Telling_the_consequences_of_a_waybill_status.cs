using Esf.Domain.Employees;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;
using Esf.Tests.Lifecycle;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>
/// The seam to the scheduled annulment of invoices: a decline or revocation calls <see cref="IWaybillStatusConsequences"/> with the
/// waybill's registration number, in the transaction that changes the status; a confirmation does not.
/// </summary>
[TestFixture]
public sealed class Telling_the_consequences_of_a_waybill_status
{
    [TestCase("decline", WaybillOperation.Decline, WaybillStatus.Declined)]
    [TestCase("revoke", WaybillOperation.Revoke, WaybillStatus.Revoked)]
    public async Task Should_tell_the_consequences_of_a_decline_or_revocation_with_the_registration_number(
        string _, WaybillOperation operation, WaybillStatus expected)
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        var number = (await parties.ProcessedAsync(id)).GetProperty("registrationNumber").GetString();
        var actor = operation == WaybillOperation.Revoke ? parties.Seller : parties.Buyer;
        var recorder = new RecordingConsequences();
        var changer = new WaybillStatusChanger(RestGateway.Fixture.Get<NpgsqlDataSource>(), TimeProvider.System,
            RestGateway.Fixture.Get<CertificateValidator>(), recorder, RestGateway.Fixture.Get<Esf.Infrastructure.Warehouse.WaybillGoods>());
        var items = new[] { new StatusChangeItem(id, "причина") };

        // Act
        var result = (await changer.ChangeAsync(Session(actor), operation, items, DocumentFlowParties.Sign(items, actor.Tenant.Certificate),
            CancellationToken.None)).Single();

        // Assert
        Assert.That(result.NewStatus, Is.EqualTo(expected), result.Message);
        Assert.That(recorder.Calls, Is.EqualTo(new[] { (number, expected) }));
    }

    private static SessionContext Session(RestClient client) =>
        new("test", client.Tenant.UserIin, client.Tenant.SellerTin, "ENTERPRISE", client.Tenant.CertificateBase64)
        {
            Authority = EmployeeAuthority.Head,
        };

    private sealed class RecordingConsequences : IWaybillStatusConsequences
    {
        public List<(string?, WaybillStatus)> Calls { get; } = [];

        public Task OnWaybillStatusChangedAsync(
            NpgsqlConnection connection, NpgsqlTransaction transaction, string registrationNumber, WaybillStatus newStatus, DateTimeOffset at,
            CancellationToken cancellationToken)
        {
            Calls.Add((registrationNumber, newStatus));
            return Task.CompletedTask;
        }
    }
}
