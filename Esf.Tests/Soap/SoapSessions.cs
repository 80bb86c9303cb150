using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>A fresh tenant logged in over raw SOAP.</summary>
public sealed record SoapSession(TestTenant Tenant, string SessionId)
{
    public static async Task<SoapSession> OpenAsync(RawSoapClient client)
    {
        var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var reply = await client.PostAsync("SessionService", Envelopes.CreateSession(tenant));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        return new SoapSession(tenant, reply.Element("sessionId")!);
    }
}
