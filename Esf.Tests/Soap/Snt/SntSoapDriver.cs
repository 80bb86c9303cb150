using System.Net;
using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap.Snt;

/// <summary>A tenant logged in over raw SOAP on a given gateway (its own session, user and certificate).</summary>
internal sealed record SntParty(TestTenant Tenant, string SessionId)
{
    public static async Task<SntParty> OpenAsync(RawSoapClient client, GatewayFixture fixture)
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var reply = await client.PostAsync("SessionService", Envelopes.CreateSession(tenant));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        return new SntParty(tenant, reply.Element("sessionId")!);
    }
}

/// <summary>
/// Drives waybills (СНТ) over SntService with hand-written envelopes, as a client of our WSDL does: <see cref="Seller"/> issues
/// them to <see cref="Buyer"/> (consignor and consignee are the same two), each signing with its own key.
/// </summary>
internal sealed class SntSoapDriver(RawSoapClient client, GatewayFixture fixture, SntParty seller, SntParty buyer) : IDisposable
{
    public const string Service = "SntService";

    public RawSoapClient Client { get; } = client;

    public SntParty Seller { get; } = seller;

    public SntParty Buyer { get; } = buyer;

    public static async Task<SntSoapDriver> StartAsync(GatewayFixture fixture)
    {
        var client = new RawSoapClient(fixture.CreateClient());
        return new SntSoapDriver(client, fixture, await SntParty.OpenAsync(client, fixture), await SntParty.OpenAsync(client, fixture));
    }

    /// <summary>Another enterprise logged in on the same gateway.</summary>
    public Task<SntParty> StrangerAsync() => SntParty.OpenAsync(Client, fixture);

    /// <summary>A waybill from <see cref="Seller"/> to <see cref="Buyer"/> (<see cref="TestWaybills"/>).</summary>
    public string Body(Action<WaybillBody>? change = null) => TestWaybills.Build(Seller.Tenant.SellerTin, Buyer.Tenant.SellerTin, change: change);

    public Task<SoapReply> UploadAsync(SntParty party, params string[] bodies) => Client.PostAsync(Service, Envelopes.Envelope(
        $"<esf:uploadSntRequest><sessionId>{party.SessionId}</sessionId><sntUploadInfoList>"
        + string.Concat(bodies.Select(body =>
            $"<sntUploadInfo><sntBody>{Envelopes.Escape(body)}</sntBody><version>SntV1</version><signature>{party.Tenant.Sign(body)}</signature>"
            + "<signatureType>COMPANY</signatureType></sntUploadInfo>"))
        + $"</sntUploadInfoList><x509Certificate>{party.Tenant.CertificateBase64}</x509Certificate></esf:uploadSntRequest>"));

    /// <summary>Uploads waybills of the seller that must all be accepted and answers their ids in request order.</summary>
    public async Task<long[]> UploadAcceptedAsync(params string[] bodies)
    {
        var reply = await UploadAsync(Seller, bodies);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        var accepted = reply.Xml.Descendants().Single(e => e.Name.LocalName == "acceptedSet").Elements().ToList();
        Assert.That(accepted, Has.Count.EqualTo(bodies.Length), reply.ToString());
        return [.. accepted.Select(a => long.Parse(a.Elements().Single(e => e.Name.LocalName == "id").Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    public Task<SoapReply> ByIdAsync(string operation, SntParty party, params long[] ids) =>
        Client.PostAsync(Service, Envelopes.ById(operation + "Request", party.SessionId, ids));

    /// <summary>Polls querySntStatusById until the worker decided (NOT_VIEWED or FAILED) and answers that reply.</summary>
    public Task<SoapReply> ProcessedAsync(long id, TimeSpan? timeout = null) => Poller.UntilAsync(
        () => ByIdAsync("querySntStatusById", Seller, id),
        reply => reply.Element("status") is "NOT_VIEWED" or "FAILED",
        $"waybill {id} to be registered or FAILED", timeout);

    /// <summary>A signed operation (receiveSntById, confirmSntById, …) on one waybill by <paramref name="party"/>, signing <c>id|reason</c> or <c>id</c>.</summary>
    public Task<SoapReply> ChangeAsync(string operation, SntParty party, long id, string? reason = null, string? signature = null)
    {
        // A decline's or revocation's line is always «id|reason», with an empty reason when none is sent (as for invoices).
        var signedReason = operation is "declineSntById" or "revokeSntById" ? reason ?? "" : reason;
        var text = StatusChangeSignature.CanonicalText([new StatusChangeItem(id, signedReason)]);
        var reasonElement = reason is null ? "" : $"<reason>{Envelopes.Escape(reason)}</reason>";
        return Client.PostAsync(Service, Envelopes.Envelope(
            $"<esf:{operation}Request><sessionId>{party.SessionId}</sessionId><signature>{signature ?? party.Tenant.Sign(text)}</signature>"
            + $"<x509Certificate>{party.Tenant.CertificateBase64}</x509Certificate>"
            + $"<idWithReasonList><sntIdWithReason><id>{id}</id>{reasonElement}</sntIdWithReason></idWithReasonList></esf:{operation}Request>"));
    }

    /// <summary>The history over querySntHistoryById as «from→to» lines.</summary>
    public async Task<string[]> HistoryAsync(SntParty party, long id)
    {
        var reply = await ByIdAsync("querySntHistoryById", party, id);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        return [.. reply.Xml.Descendants().Where(e => e.Name.LocalName == "sntHistory").Select(h =>
            $"{h.Elements().FirstOrDefault(e => e.Name.LocalName == "fromStatus")?.Value}→{h.Elements().Single(e => e.Name.LocalName == "status").Value}")];
    }

    public void Dispose() => Client.Dispose();
}
