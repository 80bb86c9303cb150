namespace Esf.Infrastructure.Participants;

/// <summary>
/// A registration (seed 000, four steps): the person's signing certificate, the registration data, the password and the
/// agreement signed with the certificate, with the nonce the agreement text carried; an ЮЛ adds its БИН, the entity's
/// certificate and the entity's signature.
/// </summary>
public sealed record RegistrationRequest(
    ParticipantKind Kind,
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
    string? AgreementNonce = null);
