using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>The gateway the isolation and hostile-input scenarios talk to (development trust, default limits).</summary>
[SetUpFixture]
public sealed class IsolationGateway : SharedGateway<IsolationGateway>;
