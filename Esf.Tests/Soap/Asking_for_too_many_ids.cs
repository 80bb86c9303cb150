using System.Net;
using Esf.Infrastructure;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>M7: a by-id request naming more ids than <c>Esf:Quotas:MaxIdsPerRequest</c> is a fault, before any invoice is read or locked.</summary>
[TestFixture]
public sealed class Asking_for_too_many_ids
{
    [TestCase("queryInvoiceByIdRequest")]
    [TestCase("queryInvoiceHistoryByIdRequest")]
    [TestCase("confirmInvoiceByIdRequest")]
    public async Task Should_answer_a_fault_naming_the_limit(string request)
    {
        // Arrange
        using var client = new RawSoapClient(SoapGateway.Fixture.CreateClient());
        var session = await SoapSession.OpenAsync(client);
        var limit = SoapGateway.Fixture.Get<IOptions<QuotaOptions>>().Value.MaxIdsPerRequest;
        var ids = Enumerable.Range(1, limit + 1).Select(i => (long)i).ToArray();

        // Act
        var reply = await client.PostAsync("InvoiceService", Envelopes.ById(request, session.SessionId, ids));

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), reply.ToString());
        Assert.That(reply.FaultString, Does.Contain($"не более {limit}").And.Contain("Esf:Quotas:MaxIdsPerRequest"));
        Assert.That(reply.Element("businessException"), Is.Not.Null, "a business fault, as the real service words its refusals");
    }
}
