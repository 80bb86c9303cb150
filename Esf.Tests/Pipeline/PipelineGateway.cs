using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>The gateway (with its worker) the pipeline scenarios share; the classes that need other roles or RabbitMQ keep their own.</summary>
[SetUpFixture]
public sealed class PipelineGateway : SharedGateway<PipelineGateway>;
