using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Journal;

/// <summary>The gateway the journal's security scenarios talk to.</summary>
[SetUpFixture]
public sealed class JournalGateway : SharedGateway<JournalGateway>;
