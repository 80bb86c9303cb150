using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Search;

/// <summary>The gateway the search scenarios talk to.</summary>
[SetUpFixture]
public sealed class SearchGateway : SharedGateway<SearchGateway>;
