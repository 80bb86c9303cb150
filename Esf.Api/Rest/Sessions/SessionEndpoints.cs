using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Sessions;

/// <summary>/api/v1/sessions: log in, look at and close the bearer's session.</summary>
public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");

        sessions.MapPost("/", CreateAsync)
            .WithName("CreateSession")
            .WithSummary("Log in")
            .WithDescription("Checks the ESF credentials and the certificate and opens a session for the enterprise. " +
                "Send the answered sessionId as 'Authorization: Bearer <sessionId>' on every other call.")
            .ProducesRestProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);

        sessions.MapPost("/close", CloseByCredentialsAsync)
            .WithName("CloseSessionByCredentials")
            .WithSummary("Close the user's open session by credentials")
            .WithDescription("As SessionService.closeSessionByCredentials: after the same checks as a login, closes the user's open " +
                "session for the enterprise, whatever its id (a client that lost it, e.g. after an interruption). Answers CLOSED, " +
                "or NOT_FOUND when none was open. A login that meets an open session answers 409 SESSION_ALREADY_OPEN.")
            .ProducesRestProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);

        sessions.MapPost("/tickets", CreateTicketAsync)
            .WithName("CreateAuthTicket")
            .WithSummary("Ticket login, step 1: get a ticket")
            .WithDescription("Answers the <authSign> ticket XML (as AuthService.createAuthTicket) for the person to sign with their AUTH key.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);

        sessions.MapPost("/signed", CreateSignedAsync)
            .WithName("CreateSignedSession")
            .WithSummary("Ticket login, step 2: log in with the signed ticket")
            .WithDescription("Checks the XML signature, the certificate (dates, usage, chain, revocation), that the ticket is ours, unexpired " +
                "and unused, and that the signer is a user of the enterprise; opens a session like createSessionSigned.")
            .ProducesRestProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);

        sessions.MapPost("/signed/close", CloseBySignedTicketAsync)
            .WithName("CloseSessionBySignedCredentials")
            .WithSummary("Close the user's open session by a signed ticket")
            .WithDescription("As SessionService.closeSessionBySignedCredentials: after the same checks as a ticket login (a ticket of its " +
                "own), closes the signer's open session for the enterprise, whatever its id. Answers CLOSED, or NOT_FOUND when none was open.")
            .ProducesRestProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);

        sessions.MapGet("/current", CurrentAsync)
            .WithName("GetCurrentSession")
            .WithSummary("The bearer's session")
            .WithDescription("The session status, the user and the enterprise it acts for.");

        sessions.MapDelete("/current", CloseAsync)
            .WithName("CloseCurrentSession")
            .WithSummary("Log out")
            .WithDescription("Closes the bearer's session; its id is refused afterwards.");

        return api;
    }

    private static async Task<Created<SessionCreated>> CreateAsync(CreateSessionBody body, SessionService sessions, CancellationToken ct)
    {
        RequiredFields.Check(("tin", body.Tin), ("certificate", body.Certificate), ("login", body.Login), ("password", body.Password));
        var request = new CreateSessionRequest(
            body.Tin, body.Certificate, body.Login, body.Password, body.ProjectCode, body.BusinessProfileType);
        var sessionId = await sessions.CreateAsync(request, ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/sessions/current", new SessionCreated(sessionId));
    }

    private static async Task<Ok<SessionStatusView>> CloseByCredentialsAsync(CloseSessionBody body, SessionService sessions, CancellationToken ct)
    {
        RequiredFields.Check(("tin", body.Tin), ("certificate", body.Certificate), ("login", body.Login), ("password", body.Password));
        var status = await sessions.CloseByCredentialsAsync(body.Tin, body.Certificate, body.Login, body.Password, ct);
        return TypedResults.Ok(new SessionStatusView(status.ToWire()));
    }

    private static async Task<Ok<AuthTicketCreated>> CreateTicketAsync(CreateAuthTicketBody body, AuthTickets tickets, CancellationToken ct)
    {
        RequiredFields.Check(("iin", body.Iin));
        var ticket = await tickets.CreateAsync(body.Iin.Trim(), body.TtlInMinutes, ct);
        return TypedResults.Ok(new AuthTicketCreated(ticket.ToXml()));
    }

    private static async Task<Created<SessionCreated>> CreateSignedAsync(
        CreateSignedSessionBody body, SignedSessions sessions, CancellationToken ct)
    {
        RequiredFields.Check(("tin", body.Tin), ("signedAuthTicket", body.SignedAuthTicket));
        var sessionId = await sessions.CreateAsync(
            new SignedSessions.Request(body.Tin, body.SignedAuthTicket, body.ProjectCode, body.BusinessProfileType, "OTHER"), ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/sessions/current", new SessionCreated(sessionId));
    }

    private static async Task<Ok<SessionStatusView>> CloseBySignedTicketAsync(
        CreateSignedSessionBody body, SignedSessions sessions, CancellationToken ct)
    {
        RequiredFields.Check(("tin", body.Tin), ("signedAuthTicket", body.SignedAuthTicket));
        var status = await sessions.CloseAsync(
            new SignedSessions.Request(body.Tin, body.SignedAuthTicket, body.ProjectCode, body.BusinessProfileType), ct);
        return TypedResults.Ok(new SessionStatusView(status.ToWire()));
    }

    private static async Task<Ok<CurrentSessionView>> CurrentAsync(BearerSession bearer, SessionService sessions, CancellationToken ct)
    {
        var user = await sessions.CurrentUserAsync(bearer.Context, ct);
        return TypedResults.Ok(new CurrentSessionView(
            SessionStatus.Ok.ToWire(), bearer.Context.Login, bearer.Context.Tin, bearer.Context.BusinessProfileType,
            user.FirstName, user.LastName, user.Email, user.Status, user.Taxpayer));
    }

    private static async Task<Ok<SessionStatusView>> CloseAsync(BearerSession bearer, SessionService sessions, CancellationToken ct) =>
        TypedResults.Ok(new SessionStatusView((await sessions.CloseAsync(bearer.SessionId, ct)).ToWire()));
}
