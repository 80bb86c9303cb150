using Esf.Infrastructure.Participants;

namespace Esf.Api.Rest.Participants;

/// <summary>The registration form of the portal's wizard (spec-rest §1.2–1.3) as one request.</summary>
public sealed record RegisterParticipantBody(
    string Kind,
    string Certificate,
    string FullName,
    string Email,
    string? Mobile,
    string Password,
    string PasswordConfirmation,
    string AgreementSignature,
    string? Name = null,
    string? Address = null,
    string? Bin = null,
    string? EntityCertificate = null,
    string? EntityAgreementSignature = null,
    string? AgreementNonce = null)
{
    public RegistrationRequest ToRequest() => new(
        ParticipantKinds.Parse(Kind), Certificate, FullName, Email, Mobile, Password, PasswordConfirmation, AgreementSignature, Name, Address, Bin, EntityCertificate,
        EntityAgreementSignature, AgreementNonce);
}

/// <summary>The text to sign and the nonce it carries, to send back as agreementNonce before <see cref="ExpiresAt"/>.</summary>
public sealed record AgreementView(string Text, string Nonce, DateTimeOffset ExpiresAt);

public sealed record RegistrationAnswer(string Message);
