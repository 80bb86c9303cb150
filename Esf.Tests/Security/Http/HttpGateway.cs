using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Http;

/// <summary>A gateway with the default HTTP limits (20 MB bodies); the tests speak raw HTTP over loopback sockets.</summary>
[SetUpFixture]
public sealed class HttpGateway : SharedGateway<HttpGateway>
{
}
