using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Esf.Tests.Security.Journal;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>The journal's second way in: a ticket from the login page, signed with the person's AUTH key (createSessionSigned).</summary>
[TestFixture]
public sealed partial class Logging_in_to_the_journal_with_a_signed_ticket
{
    [Test]
    public async Task Should_open_a_journal_session_with_a_ticket_signed_by_the_users_auth_key()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var journal = new JournalClient(TrustedGateway.Fixture);
        var token = await journal.TokenAsync();
        using var ticketPage = await journal.Http.PostAsync("journal/login/ticket", new FormUrlEncodedContent([new("iin", user.Iin), new("__af", token)]));
        var ticket = WebUtility.HtmlDecode(TicketText().Match(await ticketPage.Content.ReadAsStringAsync()).Groups[1].Value);
        var signed = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(TicketClient.SignTicket(ticket, user.Auth)));
        signed.Headers.ContentType = new MediaTypeHeaderValue("application/xml");

        // Act
        using var login = await journal.Http.PostAsync("journal/login/signed", new MultipartFormDataContent
        {
            { new StringContent(user.Tin), "signedTin" },
            { signed, "signedTicket", "ticket.xml" },
            { new StringContent(token), "__af" },
        });
        using var page = await journal.Http.GetAsync("journal");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ticket, Does.Contain("authSign"));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await login.Content.ReadAsStringAsync());
            Assert.That(login.Headers.Location?.ToString(), Is.EqualTo("/journal"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain(user.Iin).And.Contain(user.Tin));
        }
    }

    [GeneratedRegex("<textarea[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TicketText();
}
