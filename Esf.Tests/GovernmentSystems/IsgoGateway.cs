using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.GovernmentSystems;

/// <summary>The gateway the ИС ГО scenarios talk to.</summary>
[SetUpFixture]
public sealed class IsgoGateway : SharedGateway<IsgoGateway>;
