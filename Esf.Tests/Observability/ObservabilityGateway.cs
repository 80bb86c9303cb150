using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>The gateway (with its worker) of the observability scenarios that need only the defaults.</summary>
[SetUpFixture]
public sealed class ObservabilityGateway : SharedGateway<ObservabilityGateway>;
