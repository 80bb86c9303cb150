using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Browser;

/// <summary>The gateway the browser scenarios talk to.</summary>
[SetUpFixture]
public sealed class BrowserGateway : SharedGateway<BrowserGateway>;
