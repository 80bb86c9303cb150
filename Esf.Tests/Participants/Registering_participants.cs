using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
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
        var body = new
        {
            kind = "LEGAL_ENTITY", certificate = CertificateFactory.ToBase64(person), fullName = "РУКОВОДИТЕЛЬ", email = "ul@example.kz",
            password = "Passw0rdUL", passwordConfirmation = "Passw0rdUL", agreementSignature = Sign(agreement, person), name = "ТОО «Альма-2»", bin,
            entityCertificate = CertificateFactory.ToBase64(otherEntity), entityAgreementSignature = Sign(agreement, otherEntity),
        };

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
        var body = new
        {
            kind = "LEGAL_ENTITY", certificate = CertificateFactory.ToBase64(person), fullName = "СОТРУДНИК", email = $"ul{iin}@example.kz",
            password = "Passw0rdUL", passwordConfirmation = "Passw0rdUL", agreementSignature = Sign(agreement, person), name = "ТОО «Альма-3»", bin,
            entityCertificate = CertificateFactory.ToBase64(employee), entityAgreementSignature = Sign(agreement, employee),
        };

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/participants", body);

        // Assert
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), problem.ToString());
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("CERTIFICATE_IS_NOT_FOR_ENTERPRISE"));
    }

    /// <summary>An RSA signing key of an entity as the НУЦ РК issues it: SERIALNUMBER=IIN…, OU=BIN…, the holder's role as an extended usage.</summary>
    private static X509Certificate2 EntityKey(string iin, string bin, string roleOid)
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

    private static async Task<string> AgreementAsync(HttpClient http, string kind, string iin, string tin, string name)
    {
        var view = await http.GetFromJsonAsync<JsonElement>($"api/v1/participants/agreement?kind={kind}&iin={iin}&tin={tin}&name={Uri.EscapeDataString(name)}");
        return view.GetProperty("text").GetString()!;
    }

    private static object Body(string kind, X509Certificate2 certificate, string email, string agreement,
        string? name, string password = TestTenant.DefaultPassword) => new
    {
        kind, certificate = CertificateFactory.ToBase64(certificate), fullName = "ТЕСТОВ", email, mobile = "+77010000000", password,
        passwordConfirmation = password, agreementSignature = Sign(agreement, certificate), name,
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
