using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Sessions;
using InfrastructureCreateSessionRequest = Esf.Infrastructure.Sessions.CreateSessionRequest;

namespace Esf.Api.Soap.Sessions;

/// <summary>SessionService operations: thin translations between the wire contracts and <see cref="SessionService"/>.</summary>
public sealed class SessionOperations(SessionService sessions, SignedSessions signedSessions)
{
    /// <summary>The real SessionService writes the "esf" namespace with prefix ns2 (esf-api-facts §1).</summary>
    public static SoapServiceDefinition Define() => new SoapServiceDefinition("SessionService", "ns2")
        .Map<CreateSessionRequest, CreateSessionResponse>(
            "createSessionRequest", "createSessionResponse", (r, c) => c.Get<SessionOperations>().CreateSessionAsync(r, c))
        .Map<SessionIdRequest, SessionStatusResponse>(
            "closeSessionRequest", "closeSessionResponse", (r, c) => c.Get<SessionOperations>().CloseSessionAsync(r, c))
        // The WSDL answers closeSessionByCredentials with the closeSessionResponse element.
        .Map<CloseSessionByCredentialsRequest, SessionStatusResponse>(
            "closeSessionByCredentialsRequest", "closeSessionResponse", (r, c) => c.Get<SessionOperations>().CloseByCredentialsAsync(r, c))
        .Map<SessionIdRequest, SessionStatusResponse>(
            "currentSessionStatusRequest", "currentSessionStatusResponse", (r, c) => c.Get<SessionOperations>().StatusAsync(r, c))
        .Map<SessionIdRequest, CurrentUserResponse>(
            "currentUserRequest", "currentUserResponse", (r, c) => c.Get<SessionOperations>().CurrentUserAsync(r, c))
        .Map<SessionIdRequest, CurrentUserProfilesResponse>(
            "currentUserProfilesRequest", "currentUserProfilesResponse", (r, c) => c.Get<SessionOperations>().CurrentUserProfilesAsync(r, c))
        .Map<CreateSessionSignedRequest, CreateSessionResponse>(
            "createSessionSignedRequest", "createSessionResponse", (r, c) => c.Get<SessionOperations>().CreateSignedAsync(r, c))
        .Map<CloseSessionBySignedCredentialsRequest, SessionStatusResponse>(
            "closeSessionBySignedCredentialsRequest", "closeSessionResponse", (r, c) => c.Get<SessionOperations>().CloseBySignedAsync(r, c));

    private async Task<CreateSessionResponse> CreateSessionAsync(CreateSessionRequest request, SoapCall call)
    {
        var token = call.RequireUsernameToken();
        var sessionId = await sessions.CreateAsync(
            new InfrastructureCreateSessionRequest(
                request.Tin!, request.X509Certificate!, token.Username, token.Password,
                request.ProjectCode, request.BusinessProfileType, request.SourceType),
            call.CancellationToken);
        return new CreateSessionResponse { SessionId = sessionId };
    }

    private async Task<SessionStatusResponse> CloseSessionAsync(SessionIdRequest request, SoapCall call) =>
        Answer(await sessions.CloseAsync(request.SessionId!, call.CancellationToken));

    private async Task<SessionStatusResponse> CloseByCredentialsAsync(CloseSessionByCredentialsRequest request, SoapCall call)
    {
        var token = call.RequireUsernameToken();
        return Answer(await sessions.CloseByCredentialsAsync(
            request.Tin!, request.X509Certificate!, token.Username, token.Password, call.CancellationToken));
    }

    private async Task<CreateSessionResponse> CreateSignedAsync(CreateSessionSignedRequest request, SoapCall call)
    {
        var sessionId = await signedSessions.CreateAsync(
            new SignedSessions.Request(request.Tin!, request.SignedAuthTicket!, request.ProjectCode, request.BusinessProfileType,
                request.SourceType, call.UsernameToken?.Username, call.UsernameToken?.Password),
            call.CancellationToken);
        return new CreateSessionResponse { SessionId = sessionId };
    }

    private async Task<SessionStatusResponse> CloseBySignedAsync(CloseSessionBySignedCredentialsRequest request, SoapCall call) =>
        Answer(await signedSessions.CloseAsync(
            new SignedSessions.Request(request.Tin!, request.SignedAuthTicket!, request.ProjectCode, request.BusinessProfileType,
                Login: call.UsernameToken?.Username, Password: call.UsernameToken?.Password),
            call.CancellationToken));

    private async Task<SessionStatusResponse> StatusAsync(SessionIdRequest request, SoapCall call) =>
        Answer(await sessions.StatusAsync(request.SessionId!, call.CancellationToken));

    private async Task<CurrentUserResponse> CurrentUserAsync(SessionIdRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var user = await sessions.CurrentUserAsync(session, call.CancellationToken);
        return new CurrentUserResponse { User = UserMapping.ToContract(user) };
    }

    /// <summary>Every enterprise the user may act for, with its profile type (PROJECT for the project profiles, else GENERAL).</summary>
    private async Task<CurrentUserProfilesResponse> CurrentUserProfilesAsync(SessionIdRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var profiles = await sessions.ProfilesAsync(session, call.CancellationToken);
        return new CurrentUserProfilesResponse
        {
            ProfileInfoList = profiles.Select(p => new ProfileInfoContract
            {
                Iin = p.Iin,
                Tin = p.Tin,
                BusinessProfileType = p.BusinessProfileType,
                Status = p.Status,
                Type = p.ProfileType,
            }).ToList(),
        };
    }

    private static SessionStatusResponse Answer(SessionStatus status) => new() { Status = status.ToWire() };
}
