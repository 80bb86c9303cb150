using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Cli;

/// <summary>The gateway the command-line verbs talk to.</summary>
[SetUpFixture]
public sealed class CliGateway : SharedGateway<CliGateway>;
