using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>Ticket login over raw SOAP: createAuthTicket, sign, createSessionSigned.</summary>
public sealed class TicketClient : IDisposable
{
    private readonly RawSoapClient soap = new(TrustedGateway.Fixture.CreateClient());

    public RawSoapClient Soap => soap;

    public async Task<string> CreateTicketAsync(string iin, string ttl = "")
    {
        var reply = await RequestTicketAsync(iin, ttl);
        Assert.That(reply.FaultString, Is.Null, reply.ToString());
        return reply.Element("authTicketXml")!;
    }

    public Task<SoapReply> RequestTicketAsync(string iin, string ttl = "") => soap.PostAsync("AuthService", Envelopes.Envelope(
        $"<esf:createAuthTicketRequest><iin>{Envelopes.Escape(iin)}</iin>{(ttl.Length > 0 ? $"<ttlInMinutes>{ttl}</ttlInMinutes>" : "")}</esf:createAuthTicketRequest>"));

    public static string SignTicket(string ticketXml, X509Certificate2 certificate) => EnvelopedXmlSignature.Sign(ticketXml, certificate);

    public Task<SoapReply> CreateSessionSignedAsync(string tin, string signedTicket, string extra = "") =>
        soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionSignedRequest><tin>{tin}</tin>{extra}<signedAuthTicket>{Envelopes.Escape(signedTicket)}</signedAuthTicket></esf:createSessionSignedRequest>"));

    /// <summary>The whole flow for <paramref name="user"/> signing with <paramref name="signer"/> (their own AUTH key by default).</summary>
    public async Task<SoapReply> LogInAsync(CertifiedUser user, X509Certificate2? signer = null, string? tin = null) =>
        await CreateSessionSignedAsync(tin ?? user.Tin, SignTicket(await CreateTicketAsync(user.Iin), signer ?? user.Auth));

    public void Dispose() => soap.Dispose();
}
