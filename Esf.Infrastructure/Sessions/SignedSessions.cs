using System.Globalization;
using System.Xml;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Npgsql;

namespace Esf.Infrastructure.Sessions;

/// <summary>
/// Ticket login (createSessionSigned, closeSessionBySignedCredentials): the XML signature, the signer's AUTH certificate
/// (dates, usage, chain, CRL), the certificate's ИИН against the ticket's, the ticket itself (ours, unexpired, used once),
/// the user and the enterprise; then a session id of the signed shape <c>&lt;32 hex&gt;-&lt;tin&gt;-&lt;projectCode&gt;--&lt;PROFILE&gt;</c>.
/// </summary>
public sealed class SignedSessions(
    NpgsqlDataSource database, SessionService sessions, AuthTickets tickets, CertificateValidator certificates, TimeProvider clock)
{
    public sealed record Request(
        string Tin, string SignedAuthTicket, long? ProjectCode = null, string? BusinessProfileType = null, string? SourceType = null,
        string? Login = null, string? Password = null);

    public async Task<string> CreateAsync(Request request, CancellationToken cancellationToken)
    {
        var (iin, certificate) = await VerifyAsync(request, cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var profile = await UserAccounts.ProfileAsync(connection, iin, request.Tin, request.BusinessProfileType, cancellationToken);
        var session = new SessionOpener.NewSession(
            $"{Guid.NewGuid():N}-{request.Tin}-{request.ProjectCode}--{profile}", iin, request.Tin, profile, request.ProjectCode,
            request.SourceType, certificate);
        return await SessionOpener.OpenAsync(connection, session, clock.GetUtcNow(), sessions.Idle, cancellationToken);
    }

    public async Task<SessionStatus> CloseAsync(Request request, CancellationToken cancellationToken)
    {
        var (iin, _) = await VerifyAsync(request, cancellationToken);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await UserAccounts.ProfileAsync(connection, iin, request.Tin, request.BusinessProfileType, cancellationToken);
        }

        return await sessions.CloseOpenAsync(iin, request.Tin, cancellationToken);
    }

    /// <summary>The person the ticket proves, and their certificate as Base64 DER.</summary>
    private async Task<(string Iin, string Certificate)> VerifyAsync(Request request, CancellationToken cancellationToken)
    {
        var (document, certificate) = EnvelopedXmlSignature.Verify(request.SignedAuthTicket, AuthTicket.RootName);
        using (certificate)
        {
            var ticket = Read(document.DocumentElement!);
            // The ticket is spent before the certificate is judged: a refused attempt cannot be retried with the same ticket.
            await tickets.ConsumeAsync(ticket, cancellationToken);
            certificates.Validate(certificate, CertificatePurpose.Authentication);
            if (CertificateParser.Subject(certificate).Iin != ticket.Iin)
            {
                throw EsfException.Code("IIN_NOT_VALID");
            }

            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            if (request.Login is not null)
            {
                // The UsernameToken is optional here (the signature already proves the person) but, when sent, must match.
                if (request.Login != ticket.Iin)
                {
                    throw EsfException.Code("IIN_NOT_VALID");
                }

                await UserAccounts.VerifyPasswordAsync(connection, request.Login, request.Password ?? "", cancellationToken);
            }
            else
            {
                await UserAccounts.RequireActiveUserAsync(connection, ticket.Iin, cancellationToken);
            }

            return (ticket.Iin, CertificateFactory.ToBase64(certificate));
        }
    }

    private static AuthTicket Read(XmlElement root)
    {
        string? Text(string name) => root.SelectSingleNode(name)?.InnerText;
        return long.TryParse(Text("timeMark"), NumberStyles.None, CultureInfo.InvariantCulture, out var timeMark)
            && int.TryParse(Text("ttlInMinutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var ttl)
            && Text("state") is { Length: > 0 } state && Text("iin") is { Length: > 0 } iin
                ? new AuthTicket(timeMark, state, iin, ttl)
                : throw EsfException.Code("AUTH_TICKET_NOT_FOUND");
    }
}
