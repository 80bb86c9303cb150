using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>The gateway the virtual-warehouse scenarios talk to.</summary>
[SetUpFixture]
public sealed class WarehouseGateway : SharedGateway<WarehouseGateway>;
