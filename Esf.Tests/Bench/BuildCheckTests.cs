using System.Reflection;
using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class BuildCheckTests
{
    [Test]
    public void Configuration_IsWhatTheAssemblyWasBuiltWith()
    {
        var assembly = typeof(Esf.Domain.Invoices.InvoiceDocument).Assembly;

        Assert.That(BuildCheck.Configuration(assembly.Location),
            Is.EqualTo(assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration).And.Not.Empty);
    }
}
