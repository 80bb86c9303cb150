using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Printing;

/// <summary>The gateway the printing, verification and journal scenarios talk to.</summary>
[SetUpFixture]
public sealed class PrintingGateway : SharedGateway<PrintingGateway>;
