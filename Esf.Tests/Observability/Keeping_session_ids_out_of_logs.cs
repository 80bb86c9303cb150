using System.Net;
using System.Net.Http.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>
/// Security review M1: a live session id is a bearer credential and never reaches a log. The SOAP fault of a second login
/// keeps the real wire's text, which carries the open session's id (clients parse it, esf-api-facts §2), but its log line
/// does not; REST answers 409 SESSION_ALREADY_OPEN without the id.
/// </summary>
[TestFixture]
public sealed class Keeping_session_ids_out_of_logs
{
    [Test]
    public async Task Should_answer_the_wire_text_of_a_second_login_but_log_no_session_id()
    {
        // Arrange
        var recorder = new LogRecorder();
        // Private host: it records every log line from Information up.
        await using var fixture = await GatewayFixture.StartAsync(
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            configure: builder => builder.Services.AddSingleton<ILoggerProvider>(recorder));
        using var tenant = await TestTenant.CreateAsync(fixture);
        using var soap = new RawSoapClient(fixture.CreateClient());
        using var rest = new RestClient(fixture.CreateClient(), tenant);
        var openId = (await soap.PostAsync("SessionService", Envelopes.CreateSession(tenant))).Element("sessionId")!;

        // Act
        var soapFault = await soap.PostAsync("SessionService", Envelopes.CreateSession(tenant));
        using var restProblem = await rest.Http.PostAsJsonAsync("api/v1/sessions", rest.LoginBody());

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(soapFault.FaultString, Is.EqualTo($"Can`t create a new user session. User already has opened session with id {openId}"));
            Assert.That(restProblem.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(recorder.Entries, Has.Some.Matches<LogRecorder.Entry>(e => e!.Message.Contains("already has opened session")),
                "the fault is still logged");
            Assert.That(recorder.Entries.Where(e => e.Message.Contains(openId) || e.Properties.Values.Any(v => $"{v}".Contains(openId))),
                Is.Empty, "no log line carries the live session id");
        }
    }
}
