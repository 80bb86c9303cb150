using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Npgsql;

namespace Esf.Infrastructure.Participants;

/// <summary>
/// Registers ФЛ, ИП and ЮЛ participants: checks the certificate(s), the agreement signature(s) and the password rule, keeps
/// the registration pending and e-mails a one-time confirmation link; confirming creates the taxpayer, the user and the
/// profile the person chooses after login.
/// </summary>
public sealed class ParticipantRegistrations(NpgsqlDataSource database, CertificateValidator certificates, IEmailSender email, TimeProvider clock)
{
    public const string Registered = "Регистрация успешно завершена, на указанный Вами e-mail выслана ссылка для подтверждения регистрации.";
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(2);

    /// <param name="confirmUrl">The link to e-mail, without the token (e.g. https://host/api/v1/participants/confirm?token=).</param>
    public async Task RegisterAsync(RegistrationRequest request, string confirmUrl, CancellationToken cancellationToken)
    {
        PasswordRule.Check(request.Password, request.PasswordConfirmation);
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            throw EsfException.InvalidInput("Укажите e-mail");
        }

        using var person = Certificate(request.Certificate);
        var iin = CertificateParser.Subject(person).Iin ?? throw EsfException.Code("IIN_NOT_VALID");
        var (tin, name) = request.Kind switch
        {
            ParticipantKind.LegalEntity => (request.Bin ?? throw EsfException.InvalidInput("Укажите БИН предприятия"), request.Name ?? ""),
            ParticipantKind.Entrepreneur => (iin, request.Name ?? request.FullName),
            _ => (iin, request.FullName),
        };
        var agreement = ParticipantAgreement.Text(request.Kind, iin, tin, name);
        RequireSigned(agreement, request.AgreementSignature, person);
        var signatures = request.AgreementSignature;
        if (request.Kind == ParticipantKind.LegalEntity)
        {
            // The head signs twice: as a person and with the entity's key, which names the БИН and the head's ИИН (Rules p.10).
            using var entity = Certificate(request.EntityCertificate);
            var subject = CertificateParser.Subject(entity);
            // An НУЦ РК entity key states its holder's role: only the head's registers the entity.
            if (subject.Bin != tin || subject.Iin != iin || (subject.Roles != NcaRoles.None && !subject.Roles.HasFlag(NcaRoles.Head)))
            {
                throw EsfException.Code("CERTIFICATE_IS_NOT_FOR_ENTERPRISE");
            }

            RequireSigned(agreement, request.EntityAgreementSignature, entity);
            signatures += "\n" + request.EntityAgreementSignature;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO participant_registrations (token_hash, kind, iin, tin, name, full_name, address, email, mobile, password_hash,
                    profile, agreement, signatures, created_at, expires_at)
                VALUES (@TokenHash, @Kind, @Iin, @Tin, @Name, @FullName, @Address, @Email, @Mobile, @PasswordHash, @Profile, @Agreement,
                    @Signatures, @Now, @ExpiresAt)
                """, new
            {
                TokenHash = Sha256Hex.Of(token), Kind = request.Kind.ToString(), Iin = iin, Tin = tin, Name = name, request.FullName, request.Address,
                request.Email, request.Mobile, PasswordHash = PasswordHasher.Hash(request.Password), Profile = ParticipantAgreement.Profile(request.Kind),
                Agreement = agreement, Signatures = signatures, Now = now, ExpiresAt = now + LinkLifetime,
            }, cancellationToken: cancellationToken));
        }

        await email.SendAsync(request.Email, "Подтверждение регистрации в ИС ЭСФ",
            "На указанный Вами электронный адрес было выслано письмо для завершения регистрации. "
            + $"Необходимо перейти по ссылке или скопировать ссылку в адресную строку браузера: {confirmUrl}{token}", cancellationToken);
    }

    /// <summary>Follows the link once: creates the taxpayer, the user and the profile. A used, expired or unknown token answers false.</summary>
    public async Task<bool> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var parameters = new { TokenHash = Sha256Hex.Of(token), Now = clock.GetUtcNow() };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var confirmed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE participant_registrations SET confirmed_at = @Now WHERE token_hash = @TokenHash AND confirmed_at IS NULL AND expires_at > @Now
            """, parameters, transaction, cancellationToken: cancellationToken));
        if (confirmed == 0)
        {
            return false;
        }

        // An existing taxpayer or user is kept as it is (a person adding an ИП or ЮЛ status keeps their password).
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO taxpayers (tin, name_ru, address_ru, enterprise_type, registered_on)
            SELECT tin, name, address, CASE kind WHEN 'LegalEntity' THEN 'PRIVATE_ENTERPRISE' WHEN 'Entrepreneur' THEN 'INDIVIDUAL_ENTREPRENEUR'
                                                ELSE 'INDIVIDUAL' END, @Now::date
            FROM participant_registrations WHERE token_hash = @TokenHash
            ON CONFLICT (tin) DO NOTHING;
            INSERT INTO users (login, password_hash, last_name, email)
            SELECT iin, password_hash, full_name, email FROM participant_registrations WHERE token_hash = @TokenHash
            ON CONFLICT (login) DO NOTHING;
            INSERT INTO user_enterprises (login, tin, business_profile_type)
            SELECT iin, tin, profile FROM participant_registrations WHERE token_hash = @TokenHash
            ON CONFLICT (login, tin) DO NOTHING;
            """, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private X509Certificate2 Certificate(string? text)
    {
        if (!CertificateParser.TryParse(text, out var certificate))
        {
            throw EsfException.Code("CERTIFICATE_INVALID_FORMAT");
        }

        certificates.Validate(certificate, CertificatePurpose.Signing);
        return certificate;
    }

    private static void RequireSigned(string agreement, string? signature, X509Certificate2 certificate)
    {
        if (string.IsNullOrEmpty(signature) || !InvoiceSignatureVerifier.Verify(agreement, signature, certificate))
        {
            throw EsfException.Code("SIGNATURE_VERIFICATION_FAILED");
        }
    }
}
