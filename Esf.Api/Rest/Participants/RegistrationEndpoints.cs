using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Participants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Participants;

/// <summary>/api/v1/participants: register as ФЛ, ИП or ЮЛ, and confirm by the e-mailed link. No session needed.</summary>
public static class RegistrationEndpoints
{
    public static RouteGroupBuilder MapRegistrationEndpoints(this RouteGroupBuilder api)
    {
        var participants = api.MapGroup("/participants").WithTags("Participants");

        participants.MapGet("/agreement", Agreement)
            .WithName("GetAgreement")
            .WithSummary("The agreement text to sign")
            .WithDescription("Sign these exact UTF-8 bytes (RSA-SHA256, Base64) with the signing certificate; an ЮЛ also with the entity's.");

        participants.MapPost("/", RegisterAsync)
            .WithName("RegisterParticipant")
            .WithSummary("Register a participant")
            .WithDescription("Checks the certificate(s), the agreement signature(s) and the password rule and e-mails a one-time confirmation link.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);

        participants.MapGet("/confirm", ConfirmAsync)
            .WithName("ConfirmRegistration")
            .WithSummary("Follow the e-mailed link")
            .WithDescription("Creates the taxpayer, the user and the profile; the link works once and for two days.")
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        return api;
    }

    private static Ok<AgreementView> Agreement(string kind, string iin, string tin, string name) =>
        TypedResults.Ok(new AgreementView(ParticipantAgreement.Text(ParticipantKinds.Parse(kind), iin, tin, name)));

    private static async Task<Accepted<RegistrationAnswer>> RegisterAsync(
        RegisterParticipantBody body, HttpRequest http, ParticipantRegistrations registrations, CancellationToken ct)
    {
        RequiredFields.Check(("certificate", body.Certificate), ("fullName", body.FullName), ("email", body.Email),
            ("agreementSignature", body.AgreementSignature));
        var link = $"{http.Scheme}://{http.Host}{RestEndpointExtensions.RoutePrefix}/participants/confirm?token=";
        await registrations.RegisterAsync(body.ToRequest(), link, ct);
        return TypedResults.Accepted((string?)null, new RegistrationAnswer(ParticipantRegistrations.Registered));
    }

    private static async Task<Ok<RegistrationAnswer>> ConfirmAsync(string token, ParticipantRegistrations registrations, CancellationToken ct) =>
        await registrations.ConfirmAsync(token, ct)
            ? TypedResults.Ok(new RegistrationAnswer("Регистрация подтверждена"))
            : throw EsfException.NotFound("The confirmation link is unknown, already used or expired.");
}
