using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>The gateway the participant scenarios talk to.</summary>
[SetUpFixture]
public sealed class ParticipantsGateway : SharedGateway<ParticipantsGateway>;
