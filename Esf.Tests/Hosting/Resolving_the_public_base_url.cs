using Esf.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Hosting;

/// <summary>Links and WSDL addresses start with Esf:PublicBaseUrl; only in development, with none set, with the listening address.</summary>
[TestFixture]
public sealed class Resolving_the_public_base_url
{
    [TestCase("https://esf.example.kz/", "https://esf.example.kz")]
    [TestCase("https://esf.example.kz/gateway", "https://esf.example.kz/gateway")]
    public void Should_take_the_configured_url_over_the_listening_address(string configured, string expected) =>
        Assert.That(PublicBaseUrls.Resolve(configured, ["http://127.0.0.1:5000"]), Is.EqualTo(expected));

    [TestCase("http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    [TestCase("http://+:8080", "http://localhost:8080")]
    [TestCase("http://*:8080", "http://localhost:8080")]
    [TestCase("http://0.0.0.0:8080", "http://localhost:8080")]
    public void Should_fall_back_to_the_listening_address(string listening, string expected) =>
        Assert.That(PublicBaseUrls.Resolve(null, [listening]), Is.EqualTo(expected));
}
