using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>The gateway the export scenarios talk to.</summary>
[SetUpFixture]
public sealed class ExportGateway : SharedGateway<ExportGateway>;
