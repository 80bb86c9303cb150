using Esf.Infrastructure.Errors;

namespace Esf.Infrastructure.Participants;

/// <summary>
/// The largest value of each registration field (security review M6), checked before any certificate or signature work. Names
/// follow the taxpayer registry's columns; certificates and signatures are Base64 with room for 4096-bit RSA and GOST 512 keys.
/// </summary>
public static class RegistrationLimits
{
    public const int MaxPendingPerPerson = 3;

    private const int Text = 500;
    private const int Certificate = 16_384;
    private const int Signature = 8_192;

    public static void Check(RegistrationRequest request) => Check(
        ("certificate", request.Certificate, Certificate), ("fullName", request.FullName, Text), ("email", request.Email, 254),
        ("mobile", request.Mobile, 32), ("password", request.Password, 128), ("passwordConfirmation", request.PasswordConfirmation, 128),
        ("agreementSignature", request.AgreementSignature, Signature), ("agreementNonce", request.AgreementNonce, 64),
        ("name", request.Name, Text), ("address", request.Address, 1_000), ("bin", request.Bin, 12),
        ("entityCertificate", request.EntityCertificate, Certificate), ("entityAgreementSignature", request.EntityAgreementSignature, Signature));

    /// <summary>The fields the agreement text is made of, when it is asked for.</summary>
    public static void CheckAgreement(string iin, string tin, string name) =>
        Check(("iin", iin, 12), ("tin", tin, 12), ("name", name, Text));

    private static void Check(params (string Field, string? Value, int MaxLength)[] fields)
    {
        foreach (var (field, value, maxLength) in fields)
        {
            if (value is { Length: var length } && length > maxLength)
            {
                throw EsfException.Business($"{field} must not be longer than {maxLength} characters (it has {length})", "FIELD_INVALID");
            }
        }
    }
}
