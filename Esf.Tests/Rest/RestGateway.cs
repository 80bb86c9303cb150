using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>The gateway the Rest scenarios talk to.</summary>
[SetUpFixture]
public sealed class RestGateway : SharedGateway<RestGateway>;
