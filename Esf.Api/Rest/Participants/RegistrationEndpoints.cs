using Esf.Api.Hosting;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Participants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Participants;

/// <summary>
/// /api/v1/participants: register as ФЛ, ИП or ЮЛ, and confirm by the e-mailed link (no session needed); the enterprise's admin
/// approves registrations that wait for them (ADR 0019).
/// </summary>
public static class RegistrationEndpoints
{
    public static RouteGroupBuilder MapRegistrationEndpoints(this RouteGroupBuilder api)
    {
        var participants = api.MapGroup("/participants").WithTags("Participants");

        participants.MapGet("/agreement", AgreementAsync)
            .WithName("GetAgreement")
            .WithSummary("The agreement text to sign, with a single-use nonce")
            .WithDescription("Sign these exact UTF-8 bytes (RSA-SHA256 or GOST, Base64) with the signing certificate; an ЮЛ also with the " +
                "entity's. Send the nonce back as agreementNonce: it registers once, within 30 minutes.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);

        participants.MapPost("/", RegisterAsync)
            .WithName("RegisterParticipant")
            .WithSummary("Register a participant")
            .WithDescription("Checks the field sizes, the certificate(s), the agreement signature(s) and nonce and the password rule, and " +
                "e-mails a one-time confirmation link (built from Esf:PublicBaseUrl). At most 3 unconfirmed registrations per person.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);

        participants.MapGet("/confirm", ConfirmAsync)
            .WithName("ConfirmRegistration")
            .WithSummary("Follow the e-mailed link")
            .WithDescription("Creates the taxpayer, the user and the profile; the link works once and for two days. A ЮЛ registrant " +
                "without the head role, for an enterprise that has an admin already, then waits for that admin's approval.")
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        participants.MapGet("/approvals", AwaitingApprovalAsync)
            .WithName("ListRegistrationsAwaitingApproval")
            .WithSummary("Registrations waiting for the admin")
            .WithDescription("Only the enterprise's ADMIN_ENTERPRISE, in a session.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden);

        participants.MapPost("/approvals/{id:long}", ApproveAsync)
            .WithName("ApproveRegistration")
            .WithSummary("Let a waiting registrant in as ADMIN_ENTERPRISE")
            .WithDescription("Only the enterprise's ADMIN_ENTERPRISE, in a session; another enterprise's id answers 404 like a missing one.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<AgreementView>> AgreementAsync(string kind, string iin, string tin, string name, AgreementNonces nonces, CancellationToken ct)
    {
        RegistrationLimits.CheckAgreement(iin, tin, name);
        var participantKind = ParticipantKinds.Parse(kind);
        var (nonce, expiresAt) = await nonces.IssueAsync(ct);
        return TypedResults.Ok(new AgreementView(ParticipantAgreement.Text(participantKind, iin, tin, name, nonce), nonce, expiresAt));
    }

    private static async Task<Accepted<RegistrationAnswer>> RegisterAsync(
        RegisterParticipantBody body, GatewayAddress gateway, ParticipantRegistrations registrations, CancellationToken ct)
    {
        RequiredFields.Check(("certificate", body.Certificate), ("fullName", body.FullName), ("email", body.Email),
            ("agreementSignature", body.AgreementSignature), ("agreementNonce", body.AgreementNonce));
        // Never the request's Host or scheme: an attacker would have the victim's link point at their own host (review M6).
        var link = $"{gateway.BaseUrl}{RestEndpointExtensions.RoutePrefix}/participants/confirm?token=";
        await registrations.RegisterAsync(body.ToRequest(), link, ct);
        return TypedResults.Accepted((string?)null, new RegistrationAnswer(ParticipantRegistrations.Registered));
    }

    private static async Task<Ok<RegistrationAnswer>> ConfirmAsync(string token, ParticipantRegistrations registrations, CancellationToken ct) =>
        await registrations.ConfirmAsync(token, ct) is { } message
            ? TypedResults.Ok(new RegistrationAnswer(message))
            : throw EsfException.NotFound("The confirmation link is unknown, already used or expired.");

    private static async Task<Ok<IReadOnlyList<PendingApproval>>> AwaitingApprovalAsync(
        BearerSession bearer, ParticipantRegistrations registrations, CancellationToken ct) =>
        TypedResults.Ok(await registrations.AwaitingApprovalAsync(bearer.Context, ct));

    private static async Task<NoContent> ApproveAsync(long id, BearerSession bearer, ParticipantRegistrations registrations, CancellationToken ct) =>
        await registrations.ApproveAsync(bearer.Context, id, ct)
            ? TypedResults.NoContent()
            : throw EsfException.NotFound($"No registration {id} waits for approval.");
}
