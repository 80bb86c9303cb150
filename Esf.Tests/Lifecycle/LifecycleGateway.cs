using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Lifecycle;

/// <summary>The gateway the lifecycle scenarios talk to.</summary>
[SetUpFixture]
public sealed class LifecycleGateway : SharedGateway<LifecycleGateway>;
