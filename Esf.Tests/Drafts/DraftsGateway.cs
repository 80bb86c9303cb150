using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Drafts;

/// <summary>The gateway (with its worker) of the draft and import scenarios.</summary>
[SetUpFixture]
public sealed class DraftsGateway : SharedGateway<DraftsGateway>;
