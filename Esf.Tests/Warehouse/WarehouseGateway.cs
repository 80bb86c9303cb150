using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>The gateway the virtual-warehouse scenarios talk to, with an admin key for the imports of ДТ, ФНО 328.00 and ГС ВС.</summary>
[SetUpFixture]
public sealed class WarehouseGateway : SharedGateway<WarehouseGateway>
{
    public const string AdminKey = "warehouse-admin-key-of-at-least-32-characters";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Esf:AdminApiKey"] = AdminKey };
}
