using Esf.Infrastructure.Sessions;

namespace Esf.Api.Rest.Sessions;

/// <summary>Login: the enterprise (ИИН/БИН), the user's certificate (Base64 DER or PEM) and ESF account (ИИН and password).</summary>
public sealed record CreateSessionBody(
    string Tin, string Certificate, string Login, string Password, long? ProjectCode = null, string? BusinessProfileType = null);

public sealed record SessionCreated(string SessionId);

/// <summary>closeSessionByCredentials: the same enterprise, certificate and ESF account as a login.</summary>
public sealed record CloseSessionBody(string Tin, string Certificate, string Login, string Password);

/// <summary>A session status as the real API names it: OK, CLOSED or NOT_FOUND.</summary>
public sealed record SessionStatusView(string Status);

/// <summary>The open session and who is behind it.</summary>
public sealed record CurrentSessionView(
    string Status,
    string Login,
    string Tin,
    string BusinessProfileType,
    string? FirstName,
    string? LastName,
    string? Email,
    string UserStatus,
    TaxpayerInfo Taxpayer);

/// <summary>Step 1 of ticket login: the ИИН of the key's owner and the ticket's lifetime in minutes (1..1440, default 30).</summary>
public sealed record CreateAuthTicketBody(string Iin, int? TtlInMinutes = null);

public sealed record AuthTicketCreated(string AuthTicketXml);

/// <summary>Step 2: the enterprise and the ticket signed with the person's AUTH key (enveloped XML-DSig).</summary>
public sealed record CreateSignedSessionBody(string Tin, string SignedAuthTicket, long? ProjectCode = null, string? BusinessProfileType = null);
