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
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
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
