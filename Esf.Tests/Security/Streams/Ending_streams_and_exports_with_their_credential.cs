using System.Net;
using System.Net.Http.Headers;
using Esf.Api.Rest.Auth;
using Esf.Infrastructure;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Security.Streams;

/// <summary>
/// Security review H5: an event stream or an export ends once the session it was opened with is closed or its API key
/// revoked, and one enterprise cannot hold more of them at once than its quota.
/// </summary>
[TestFixture]
public sealed class Ending_streams_and_exports_with_their_credential
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static GatewayFixture Fixture => StreamGateway.Fixture;

    [Test]
    public async Task Should_end_the_event_stream_saying_why_once_its_session_is_closed()
    {
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(Fixture));
        using var cancel = new CancellationTokenSource(Patience);
        using var stream = await http.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.That(stream.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using (var closed = await http.DeleteAsync("api/v1/sessions/current", cancel.Token))
        {
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var rest = await ReadToEndAsync(stream, cancel.Token);

        Assert.That(rest, Does.Contain("event: closed\ndata: {\"errorCode\":\"SESSION_CLOSED\"}"),
            "the stream must end, and say why, once its session is closed (it used to stream on)");
    }

    [Test]
    public async Task Should_end_the_event_stream_of_an_api_key_once_the_key_is_revoked()
    {
        using var tenant = await TestTenant.CreateAsync(Fixture);
        var head = await Fixture.Get<SessionService>().RequireAsync(await tenant.OpenSessionAsync(Fixture), CancellationToken.None);
        var keys = Fixture.Get<ApiKeyStore>();
        var (key, secret) = await keys.CreateAsync(head, "stream", ApiKeyScopes.Read, null, CancellationToken.None);
        using var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Add(ApiKeyHeader.Name, secret);
        using var cancel = new CancellationTokenSource(Patience);
        using var stream = await http.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.That(stream.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await keys.RevokeAsync(head, key.KeyId, CancellationToken.None);
        var rest = await ReadToEndAsync(stream, cancel.Token);

        Assert.That(rest, Does.Contain("event: closed"));
    }

    [Test]
    public async Task Should_refuse_a_second_long_response_of_one_enterprise_but_not_of_another()
    {
        using var first = await TestTenant.CreateAsync(Fixture);
        using var other = await TestTenant.CreateAsync(Fixture);
        using var firstHttp = await ClientOfAsync(first);
        using var otherHttp = await ClientOfAsync(other);
        using var cancel = new CancellationTokenSource(Patience);
        using var open = await firstHttp.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);

        using var secondStream = await firstHttp.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var today = ControlledClock.KazakhstanToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var export = await firstHttp.GetAsync(
            $"api/v1/exports?format=jsonl&dateFrom={today}&dateTo={today}", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var othersStream = await otherHttp.GetAsync("api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(open.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secondStream.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(secondStream.Headers.RetryAfter, Is.Not.Null);
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "exports share the enterprise's places");
            Assert.That(othersStream.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another enterprise has places of its own");
        }
    }

    [Test]
    public async Task Should_read_the_credential_again_only_once_the_recheck_interval_has_passed_by_the_clock()
    {
        using var tenant = await TestTenant.CreateAsync(Fixture);
        var sessions = Fixture.Get<SessionService>();
        var sessionId = await tenant.OpenSessionAsync(Fixture);
        var caller = await sessions.RequireAsync(sessionId, CancellationToken.None);
        var clock = new ControlledClock(DateTimeOffset.UtcNow);
        var responses = new LongResponses(
            Fixture.Get<CredentialRecheck>(), clock, Options.Create(new QuotaOptions { StreamRecheckSeconds = 30 }));
        await using var response = responses.Begin(caller, CancellationToken.None);
        await sessions.CloseAsync(sessionId, CancellationToken.None);

        clock.Now += TimeSpan.FromSeconds(29);
        var goesOnBeforeTheInterval = await response.CheckAsync();
        clock.Now += TimeSpan.FromSeconds(2);
        var ended = await EndedAsync(response.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(goesOnBeforeTheInterval, Is.True, "within the interval the credential is not read again");
            Assert.That(ended, Is.True, "past the interval the closed session must end the response");
            Assert.That(response.CredentialEnded, Is.True);
        }
    }

    private static async Task<HttpClient> ClientOfAsync(TestTenant tenant)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(Fixture));
        return http;
    }

    private static async Task<string> ReadToEndAsync(HttpResponseMessage stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancellationToken));
        return (await reader.ReadToEndAsync(cancellationToken)).ReplaceLineEndings("\n");
    }

    /// <summary>Whether the token is cancelled within <see cref="Patience"/> (the watch looks at the clock about every second).</summary>
    private static async Task<bool> EndedAsync(CancellationToken token)
    {
        var ended = new TaskCompletionSource();
        await using var registration = token.Register(() => ended.TrySetResult());
        return await Task.WhenAny(ended.Task, Task.Delay(Patience, CancellationToken.None)) == ended.Task;
    }
}
