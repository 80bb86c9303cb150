using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Participants;

[TestFixture]
public sealed class Registering_participants
{
    [Test]
    public async Task Should_register_an_entrepreneur_confirm_by_the_emailed_link_and_let_them_log_in()
    {
        // Arrange
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("КАЙРАТОВ КАЙРАТ", iin, null);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var email = $"ip{iin}@example.kz";
        var agreement = await AgreementAsync(http, "ENTREPRENEUR", iin, iin, "ИП Кайрат");

        // Act
        using var registered = await http.PostAsJsonAsync("api/v1/participants", Body("ENTREPRENEUR", certificate, email, agreement, "ИП Кайрат"));
        using var loginBefore = await http.PostAsJsonAsync("api/v1/sessions", Login(iin, certificate));
        var link = await LinkSentToAsync(email);
        using var confirmed = await http.GetAsync(link);
        using var confirmedAgain = await http.GetAsync(link);
        using var loginAfter = await http.PostAsJsonAsync("api/v1/sessions", Login(iin, certificate));

        // Assert
        var answer = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement;
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), answer.ToString());
        Assert.That(answer.GetProperty("message").GetString(), Is.EqualTo(ParticipantRegistrations.Registered));
        Assert.That(loginBefore.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "no login before the link is followed");
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(confirmedAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the link works once");
        Assert.That(loginAfter.StatusCode, Is.EqualTo(HttpStatusCode.Created), await loginAfter.Content.ReadAsStringAsync());
    }

    [TestCase("short1A")]
    [TestCase("alllowercase1")]
    [TestCase("ALLUPPERCASE1")]
    [TestCase("NoDigitsHere")]
    public async Task Should_refuse_a_weak_password_with_the_portals_message(string password)
    {
        // Arrange
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("ТЕСТОВ", iin, null);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var agreement = await AgreementAsync(http, "INDIVIDUAL", iin, iin, "ТЕСТОВ");

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/participants", Body("INDIVIDUAL", certificate, "a@b.kz", agreement, null, password));

        // Assert
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "FIELD_INVALID is invalid input, always 400 (ADR 0005)");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(PasswordRule.Message));
    }

    [Test]
    public async Task Should_require_the_entitys_signature_from_a_legal_entity()
    {
        // Arrange: the head signs as a person, but the "entity" certificate belongs to another БИН.
        var (iin, bin) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        using var person = CertificateFactory.Create("РУКОВОДИТЕЛЬ", iin, null);
        using var otherEntity = CertificateFactory.Create("РУКОВОДИТЕЛЬ", iin, TestTenant.UniqueTin());
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var agreement = await AgreementAsync(http, "LEGAL_ENTITY", iin, bin, "ТОО «Альма-2»");
        var body = EntityBody(person, otherEntity, bin, "ul@example.kz", agreement, "ТОО «Альма-2»");

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/participants", body);

        // Assert
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("CERTIFICATE_IS_NOT_FOR_ENTERPRISE"));
    }

    [Test]
    public async Task Should_refuse_a_legal_entity_registered_with_an_employees_entity_key()
    {
        // Arrange: the entity key names the person and the БИН, but its НУЦ РК role is "employee" (1.2.398.3.3.4.1.2.5), not the head.
        var (iin, bin) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        using var person = CertificateFactory.Create("СОТРУДНИК", iin, null);
        using var employee = EntityKey(iin, bin, "1.2.398.3.3.4.1.2.5");
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var agreement = await AgreementAsync(http, "LEGAL_ENTITY", iin, bin, "ТОО «Альма-3»");
        var body = EntityBody(person, employee, bin, $"ul{iin}@example.kz", agreement, "ТОО «Альма-3»");

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/participants", body);

        // Assert
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("CERTIFICATE_IS_NOT_FOR_ENTERPRISE"));
    }

    [Test]
    public async Task Should_refuse_a_replayed_agreement_signature()
    {
        // Arrange: one signed agreement, sent twice (security review M6: without a server nonce it registered again and again).
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("ПОВТОРОВ", iin, null);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var agreement = await AgreementAsync(http, "INDIVIDUAL", iin, iin, "ТЕСТОВ");

        // Act
        using var first = await http.PostAsJsonAsync("api/v1/participants", Body("INDIVIDUAL", certificate, $"a{iin}@example.kz", agreement, null));
        using var replayed = await http.PostAsJsonAsync("api/v1/participants", Body("INDIVIDUAL", certificate, $"b{iin}@example.kz", agreement, null));

        // Assert
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await first.Content.ReadAsStringAsync());
        var problem = JsonDocument.Parse(await replayed.Content.ReadAsStringAsync()).RootElement;
        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("AGREEMENT_NONCE_INVALID"));
    }

    [Test]
    public async Task Should_refuse_an_agreement_nonce_once_it_expired()
    {
        // Arrange
        var clock = new ControlledClock(DateTimeOffset.UtcNow);
        var nonces = new AgreementNonces(ParticipantsGateway.Fixture.Get<NpgsqlDataSource>(), clock);
        var (nonce, expiresAt) = await nonces.IssueAsync(CancellationToken.None);
        clock.Now = expiresAt;
        await using var connection = await ParticipantsGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // Act
        var refusal = await Assert.ThrowsAsync<EsfException>(() => nonces.ConsumeAsync(connection, transaction, nonce, CancellationToken.None));

        // Assert
        Assert.That(refusal!.ErrorCode, Is.EqualTo("AGREEMENT_NONCE_INVALID"));
    }

    [Test]
    public async Task Should_refuse_a_field_longer_than_its_limit_naming_it()
    {
        // Arrange
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("ДЛИННЫЙ", iin, null);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var agreement = await AgreementAsync(http, "INDIVIDUAL", iin, iin, "ДЛИННЫЙ");

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/participants",
            Body("INDIVIDUAL", certificate, $"l{iin}@example.kz", agreement, null, fullName: new string('Я', 100_000)));

        // Assert
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("FIELD_INVALID"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("fullName"));
    }

    [Test]
    public async Task Should_refuse_more_pending_registrations_of_one_person_than_the_limit()
    {
        // Arrange: the limit is 3 unconfirmed registrations per ИИН.
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("МНОГОКРАТОВ", iin, null);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var statuses = new List<HttpStatusCode>();

        // Act
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var agreement = await AgreementAsync(http, "INDIVIDUAL", iin, iin, "ТЕСТОВ");
            using var response = await http.PostAsJsonAsync("api/v1/participants", Body("INDIVIDUAL", certificate, $"m{attempt}{iin}@example.kz", agreement, null));
            statuses.Add(response.StatusCode);
            if (attempt == 3)
            {
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("REGISTRATION_PENDING_LIMIT"), problem.ToString());
            }
        }

        // Assert
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.UnprocessableEntity }));
    }

    [Test]
    public async Task Should_build_the_confirmation_link_from_the_public_address_not_the_host_header()
    {
        // Arrange: the attacker registers in the victim's name with a Host of their own (security review M6).
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("ХОСТОВ", iin, null);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        var email = $"h{iin}@example.kz";
        var agreement = await AgreementAsync(http, "INDIVIDUAL", iin, iin, "ТЕСТОВ");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/participants")
        {
            Headers = { Host = "attacker.example" },
            Content = JsonContent.Create(Body("INDIVIDUAL", certificate, email, agreement, null)),
        };

        // Act
        using var response = await http.SendAsync(request);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(await LinkSentToAsync(email), Does.StartWith(new Uri(ParticipantsGateway.Fixture.BaseAddress, "api/v1/participants/confirm?token=").ToString()));
    }

    [Test]
    public async Task Should_make_a_registrant_without_the_head_role_wait_for_the_existing_admins_approval()
    {
        // Arrange: the head registers the entity with a head key (1.2.398.3.3.4.1.2.1); then a clerk, with an entity key that
        // names no role, registers the same БИН (security review M6: the clerk became ADMIN_ENTERPRISE at once).
        var (headIin, clerkIin, bin) = (TestTenant.UniqueTin(), TestTenant.UniqueTin(), TestTenant.UniqueTin());
        using var head = CertificateFactory.Create("РУКОВОДИТЕЛЬ", headIin, null);
        using var headKey = EntityKey(headIin, bin, "1.2.398.3.3.4.1.2.1");
        using var clerk = CertificateFactory.Create("БУХГАЛТЕР", clerkIin, null);
        using var clerkKey = CertificateFactory.Create("БУХГАЛТЕР", clerkIin, bin);
        using var http = ParticipantsGateway.Fixture.CreateClient();
        await RegisterAndConfirmAsync(http, headIin, head, headKey, bin);

        // Act
        var clerkConfirmation = await RegisterAndConfirmAsync(http, clerkIin, clerk, clerkKey, bin);
        using var clerkBefore = await http.PostAsJsonAsync("api/v1/sessions", LoginTo(bin, clerkIin, clerk));
        using var admin = ParticipantsGateway.Fixture.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SessionAsync(http, bin, headIin, head));
        var waiting = await admin.GetFromJsonAsync<JsonElement>("api/v1/participants/approvals");
        using var approved = await admin.PostAsync($"api/v1/participants/approvals/{waiting[0].GetProperty("id").GetInt64()}", null);
        using var clerkAfter = await http.PostAsJsonAsync("api/v1/sessions", LoginTo(bin, clerkIin, clerk));

        // Assert
        Assert.That(clerkConfirmation, Does.Contain("администратор"), "the confirmation says the access waits for the admin");
        Assert.That(await clerkBefore.Content.ReadAsStringAsync(), Does.Contain("ENTERPRISE_NOT_FOUND_FOR_USER"));
        Assert.That(waiting.GetArrayLength(), Is.EqualTo(1), waiting.ToString());
        Assert.That(waiting[0].GetProperty("iin").GetString(), Is.EqualTo(clerkIin));
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await approved.Content.ReadAsStringAsync());
        Assert.That(clerkAfter.StatusCode, Is.EqualTo(HttpStatusCode.Created), await clerkAfter.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_make_a_holder_of_the_head_role_admin_of_an_existing_enterprise_at_once()
    {
        // Arrange: a new head (after a change of heads) carries the head role in the entity key.
        var (firstIin, nextIin, bin) = (TestTenant.UniqueTin(), TestTenant.UniqueTin(), TestTenant.UniqueTin());
        using var first = CertificateFactory.Create("ПЕРВЫЙ", firstIin, null);
        using var firstKey = EntityKey(firstIin, bin, "1.2.398.3.3.4.1.2.1");
        using var next = CertificateFactory.Create("СЛЕДУЮЩИЙ", nextIin, null);
        using var nextKey = EntityKey(nextIin, bin, "1.2.398.3.3.4.1.2.1");
        using var http = ParticipantsGateway.Fixture.CreateClient();
        await RegisterAndConfirmAsync(http, firstIin, first, firstKey, bin);

        // Act
        await RegisterAndConfirmAsync(http, nextIin, next, nextKey, bin);
        using var login = await http.PostAsJsonAsync("api/v1/sessions", LoginTo(bin, nextIin, next));

        // Assert
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Created), await login.Content.ReadAsStringAsync());
    }

    /// <summary>Registers a ЮЛ's head (or would-be head) and follows the e-mailed link; answers the confirmation's message.</summary>
    private static async Task<string> RegisterAndConfirmAsync(HttpClient http, string iin, X509Certificate2 person, X509Certificate2 entity, string bin)
    {
        var email = $"ul{iin}@example.kz";
        var agreement = await AgreementAsync(http, "LEGAL_ENTITY", iin, bin, "ТОО «Одобрение»");
        using var registered = await http.PostAsJsonAsync("api/v1/participants", EntityBody(person, entity, bin, email, agreement, "ТОО «Одобрение»"));
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await registered.Content.ReadAsStringAsync());
        using var confirmed = await http.GetAsync(await LinkSentToAsync(email));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        return (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;
    }

    private static async Task<string> SessionAsync(HttpClient http, string tin, string iin, X509Certificate2 certificate)
    {
        using var response = await http.PostAsJsonAsync("api/v1/sessions", LoginTo(tin, iin, certificate));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetString()!;
    }

    private static object LoginTo(string tin, string iin, X509Certificate2 certificate) =>
        new { tin, certificate = CertificateFactory.ToBase64(certificate), login = iin, password = "Passw0rdUL" };

    /// <summary>An RSA signing key of an entity as the НУЦ РК issues it: SERIALNUMBER=IIN…, OU=BIN…, the holder's role as an extended usage.</summary>
    internal static X509Certificate2 EntityKey(string iin, string bin, string roleOid)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("СОТРУДНИК");
        subject.Add("2.5.4.5", "IIN" + iin);
        subject.AddOrganizationalUnitName("BIN" + bin);
        var request = new CertificateRequest(subject.Build(), key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.4"), new System.Security.Cryptography.Oid("1.2.398.3.3.4.1.2"), new System.Security.Cryptography.Oid(roleOid)], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static Task<AgreementToSign> AgreementAsync(HttpClient http, string kind, string iin, string tin, string name) =>
        AgreementToSign.FetchAsync(http, kind, iin, tin, name);

    private static object Body(string kind, X509Certificate2 certificate, string email, AgreementToSign agreement,
        string? name, string password = TestTenant.DefaultPassword, string fullName = "ТЕСТОВ") => new
    {
        kind, certificate = CertificateFactory.ToBase64(certificate), fullName, email, mobile = "+77010000000", password,
        passwordConfirmation = password, agreementSignature = Sign(agreement.Text, certificate), agreementNonce = agreement.Nonce, name,
    };

    /// <summary>A ЮЛ's registration: the person's and the entity's signatures over the same agreement.</summary>
    private static object EntityBody(X509Certificate2 person, X509Certificate2 entity, string bin, string email, AgreementToSign agreement, string name) => new
    {
        kind = "LEGAL_ENTITY", certificate = CertificateFactory.ToBase64(person), fullName = "РУКОВОДИТЕЛЬ", email,
        password = "Passw0rdUL", passwordConfirmation = "Passw0rdUL", agreementSignature = Sign(agreement.Text, person), agreementNonce = agreement.Nonce,
        name, bin, entityCertificate = CertificateFactory.ToBase64(entity), entityAgreementSignature = Sign(agreement.Text, entity),
    };

    private static object Login(string iin, X509Certificate2 certificate) =>
        new { tin = iin, certificate = CertificateFactory.ToBase64(certificate), login = iin, password = TestTenant.DefaultPassword };

    private static string Sign(string text, X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        return InvoiceSignatureVerifier.Sign(text, key);
    }

    private static async Task<string> LinkSentToAsync(string email)
    {
        await using var connection = await ParticipantsGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var body = await connection.QuerySingleAsync<string>("SELECT body FROM email_outbox WHERE recipient = @Email", new { Email = email });
        return body[body.IndexOf("http", StringComparison.Ordinal)..];
    }
}
