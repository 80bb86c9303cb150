using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Feed;

/// <summary>The gateway the change-feed scenarios talk to.</summary>
[SetUpFixture]
public sealed class FeedGateway : SharedGateway<FeedGateway>;
