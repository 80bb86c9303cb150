using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>The gateway the Soap scenarios talk to.</summary>
[SetUpFixture]
public sealed class SoapGateway : SharedGateway<SoapGateway>;
