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
/// Registers ФЛ, ИП and ЮЛ participants: checks the field sizes, the certificate(s), the agreement signature(s) over a text with
/// a nonce the gateway issued and the password rule, keeps the registration pending and e-mails a one-time confirmation link;
/// confirming creates the taxpayer, the user and the profile the person chooses after login. A ЮЛ registration for an
/// enterprise that already has an admin, without the head role in the entity key, waits for that admin's approval (ADR 0019).
/// </summary>
public sealed class ParticipantRegistrations(
    NpgsqlDataSource database, CertificateValidator certificates, AgreementNonces nonces, IEmailSender email, TimeProvider clock)
{
    public const string Registered = "Регистрация успешно завершена, на указанный Вами e-mail выслана ссылка для подтверждения регистрации.";
    public const string Confirmed = "Регистрация подтверждена";
    public const string AwaitingApproval =
        "Регистрация подтверждена. Предприятие уже зарегистрировано: доступ к нему откроется после одобрения его администратором.";

    private const string Admin = "ADMIN_ENTERPRISE";
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(2);

    /// <param name="confirmUrl">The link to e-mail, without the token (e.g. https://host/api/v1/participants/confirm?token=).</param>
    public async Task RegisterAsync(RegistrationRequest request, string confirmUrl, CancellationToken cancellationToken)
    {
        RegistrationLimits.Check(request);
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
        var agreement = ParticipantAgreement.Text(request.Kind, iin, tin, name, request.AgreementNonce ?? "");
        RequireSigned(agreement, request.AgreementSignature, person);
        var signatures = request.AgreementSignature;
        var entityHead = false;
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
            entityHead = subject.Roles.HasFlag(NcaRoles.Head);
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await nonces.ConsumeAsync(connection, transaction, request.AgreementNonce, cancellationToken);
            var pending = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
                DELETE FROM participant_registrations WHERE confirmed_at IS NULL AND expires_at <= @Now;
                SELECT count(*) FROM participant_registrations WHERE iin = @Iin AND confirmed_at IS NULL
                """, new { Iin = iin, Now = now }, transaction, cancellationToken: cancellationToken));
            if (pending >= RegistrationLimits.MaxPendingPerPerson)
            {
                throw AgreementNonces.TooManyPending();
            }

            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO participant_registrations (token_hash, kind, iin, tin, name, full_name, address, email, mobile, password_hash,
                    profile, agreement, signatures, created_at, expires_at, entity_head)
                VALUES (@TokenHash, @Kind, @Iin, @Tin, @Name, @FullName, @Address, @Email, @Mobile, @PasswordHash, @Profile, @Agreement,
                    @Signatures, @Now, @ExpiresAt, @EntityHead)
                """, new
            {
                TokenHash = Sha256Hex.Of(token), Kind = request.Kind.ToString(), Iin = iin, Tin = tin, Name = name, request.FullName, request.Address,
                request.Email, request.Mobile, PasswordHash = PasswordHasher.Hash(request.Password), Profile = ParticipantAgreement.Profile(request.Kind),
                Agreement = agreement, Signatures = signatures, Now = now, ExpiresAt = now + LinkLifetime, EntityHead = entityHead,
            }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        await email.SendAsync(request.Email, "Подтверждение регистрации в ИС ЭСФ",
            "На указанный Вами электронный адрес было выслано письмо для завершения регистрации. "
            + $"Необходимо перейти по ссылке или скопировать ссылку в адресную строку браузера: {confirmUrl}{token}", cancellationToken);
    }

    /// <summary>
    /// Follows the link once: creates the taxpayer, the user and (unless it awaits the admin's approval) the profile. A used,
    /// expired or unknown token answers null; otherwise the message to show.
    /// </summary>
    public async Task<string?> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var tokenHash = Sha256Hex.Of(token);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var registration = await connection.QuerySingleOrDefaultAsync<(string Kind, string Tin, bool EntityHead)?>(new CommandDefinition("""
            UPDATE participant_registrations SET confirmed_at = @Now WHERE token_hash = @TokenHash AND confirmed_at IS NULL AND expires_at > @Now
            RETURNING kind, tin, entity_head
            """, new { TokenHash = tokenHash, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        if (registration is not { } confirmed)
        {
            return null;
        }

        // Only the holder of the НУЦ РК head role takes over an enterprise that already has an admin; anyone else holding an
        // entity key (an accountant, a clerk) waits for that admin (security review M6).
        var awaitsApproval = confirmed.Kind == nameof(ParticipantKind.LegalEntity) && !confirmed.EntityHead
            && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM user_enterprises WHERE tin = @Tin AND business_profile_type = @Admin)",
                new { confirmed.Tin, Admin }, transaction, cancellationToken: cancellationToken));

        // An existing taxpayer or user is kept as it is (a person adding an ИП or ЮЛ status keeps their password).
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE participant_registrations SET awaits_approval = @AwaitsApproval WHERE token_hash = @TokenHash;
            INSERT INTO taxpayers (tin, name_ru, address_ru, enterprise_type, registered_on)
            SELECT tin, name, address, CASE kind WHEN 'LegalEntity' THEN 'PRIVATE_ENTERPRISE' WHEN 'Entrepreneur' THEN 'INDIVIDUAL_ENTREPRENEUR'
                                                ELSE 'INDIVIDUAL' END, @Now::date
            FROM participant_registrations WHERE token_hash = @TokenHash
            ON CONFLICT (tin) DO NOTHING;
            INSERT INTO users (login, password_hash, last_name, email)
            SELECT iin, password_hash, full_name, email FROM participant_registrations WHERE token_hash = @TokenHash
            ON CONFLICT (login) DO NOTHING;
            INSERT INTO user_enterprises (login, tin, business_profile_type)
            SELECT iin, tin, profile FROM participant_registrations WHERE token_hash = @TokenHash AND NOT awaits_approval
            ON CONFLICT (login, tin) DO NOTHING;
            """, new { TokenHash = tokenHash, Now = clock.GetUtcNow(), AwaitsApproval = awaitsApproval }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return awaitsApproval ? AwaitingApproval : Confirmed;
    }

    /// <summary>The confirmed registrations for the session's enterprise that wait for its admin.</summary>
    public async Task<IReadOnlyList<PendingApproval>> AwaitingApprovalAsync(SessionContext session, CancellationToken cancellationToken)
    {
        RequireAdmin(session);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<PendingApproval>(new CommandDefinition("""
            SELECT id AS Id, iin AS Iin, full_name AS FullName, email AS Email, created_at AS RequestedAt
            FROM participant_registrations WHERE tin = @Tin AND awaits_approval ORDER BY id
            """, new { session.Tin }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The admin lets the registrant in as ADMIN_ENTERPRISE. Another enterprise's id, or one that waits for nothing, answers
    /// false like a missing one.
    /// </summary>
    public async Task<bool> ApproveAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        RequireAdmin(session);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            WITH approved AS (
                UPDATE participant_registrations SET awaits_approval = false, approved_by = @Login, approved_at = @Now
                WHERE id = @Id AND tin = @Tin AND awaits_approval
                RETURNING iin, tin, profile)
            INSERT INTO user_enterprises (login, tin, business_profile_type)
            SELECT iin, tin, profile FROM approved
            ON CONFLICT (login, tin) DO UPDATE SET business_profile_type = excluded.business_profile_type
            """, new { Id = id, session.Tin, session.Login, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken)) > 0;
    }

    private static void RequireAdmin(SessionContext session)
    {
        if (session.BusinessProfileType != Admin || session.SessionId.StartsWith("apikey:", StringComparison.Ordinal))
        {
            throw EsfException.AccessDenied("Only the enterprise's administrator, in a session, may approve registrations.");
        }
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
