using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Warehouse.OnTheBus;

/// <summary>A gateway and worker talking through a private RabbitMQ broker, for the virtual warehouse's end-to-end story.</summary>
[SetUpFixture]
public sealed class WarehouseBusGateway : SharedGateway<WarehouseBusGateway>
{
    protected override bool UseRabbitMq => true;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Esf:AdminApiKey"] = WarehouseGateway.AdminKey };
}
