using NUnit.Framework;

namespace Esf.Tests.Security;

/// <summary>Publishes the attack table once every security test of every sub-namespace has run.</summary>
[SetUpFixture]
public sealed class SecurityReport
{
    [OneTimeTearDown]
    public void Publish() => AttackLog.Publish();
}
