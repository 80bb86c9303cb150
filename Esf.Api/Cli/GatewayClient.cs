using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Api.Rest;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Sessions;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Cli;

/// <summary>
/// The REST API as the verbs use it, with the server's own contract types. Refusals and an unreachable server
/// become <see cref="CliException"/>s that say what was attempted and what the gateway answered.
/// </summary>
public sealed class GatewayClient(HttpClient http) : IDisposable
{
    private const string Api = RestEndpointExtensions.RoutePrefix;

    /// <summary>Logs in (see <see cref="LogInClosingAStaleSessionAsync"/>).</summary>
    public async Task LogInAsync(CreateSessionBody login, TextWriter notes, CancellationToken ct)
    {
        var close = new CloseSessionBody(login.Tin, login.Certificate, login.Login, login.Password);
        var created = await LogInClosingAStaleSessionAsync(
            () => SendAsync<SessionCreated>("Log-in", () => http.PostAsJsonAsync($"{Api}/sessions", login, ct), ct),
            () => SendAsync<SessionStatusView>("Closing the open session", () => http.PostAsJsonAsync($"{Api}/sessions/close", close, ct), ct),
            notes);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.SessionId);
    }

    /// <summary>
    /// Ticket login: asks for the ticket, signs it with <paramref name="sign"/> and logs in with it (no password). A ticket
    /// serves once, so closing a stale session takes one of its own (closeSessionBySignedCredentials).
    /// </summary>
    public async Task LogInWithTicketAsync(string tin, string iin, Func<string, string> sign, TextWriter notes, CancellationToken ct)
    {
        async Task<CreateSignedSessionBody> SignedTicketAsync()
        {
            var ticket = await SendAsync<AuthTicketCreated>(
                "Ticket request", () => http.PostAsJsonAsync($"{Api}/sessions/tickets", new CreateAuthTicketBody(iin), ct), ct);
            return new CreateSignedSessionBody(tin, sign(ticket.AuthTicketXml));
        }

        var created = await LogInClosingAStaleSessionAsync(
            async () =>
            {
                var signed = await SignedTicketAsync();
                return await SendAsync<SessionCreated>("Signed log-in", () => http.PostAsJsonAsync($"{Api}/sessions/signed", signed, ct), ct);
            },
            async () =>
            {
                var signed = await SignedTicketAsync();
                return await SendAsync<SessionStatusView>(
                    "Closing the open session", () => http.PostAsJsonAsync($"{Api}/sessions/signed/close", signed, ct), ct);
            },
            notes);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.SessionId);
    }

    public Task<UploadResponse> UploadAsync(UploadInvoicesBody upload, string? idempotencyKey, CancellationToken ct) =>
        SendAsync<UploadResponse>("Upload", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/invoices") { Content = JsonContent.Create(upload) };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return http.SendAsync(request, ct);
        }, ct);

    public Task<InvoiceStatusView> StatusAsync(long invoiceId, CancellationToken ct) =>
        SendAsync<InvoiceStatusView>($"Status of invoice {invoiceId}", () => http.GetAsync($"{Api}/invoices/{invoiceId}/status", ct), ct);

    /// <summary>GET of a JSON resource under /api/v1 (e.g. <c>updates?cursor=…</c>).</summary>
    public Task<T> GetAsync<T>(string action, string relativeUrl, CancellationToken ct) =>
        SendAsync<T>(action, () => http.GetAsync($"{Api}/{relativeUrl}", ct), ct);

    /// <summary>A streamed GET under /api/v1 (exports): the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string action, string relativeUrl, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"{Api}/{relativeUrl}", HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"Cannot reach the gateway at {http.BaseAddress}: {e.Message}");
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new CliException($"{action} refused: {(await DescribeAsync(response, ct)).Description}");
            }
        }

        return response;
    }

    /// <summary>Closes the session if one was opened; a failure here must not hide the upload's own outcome.</summary>
    public async Task LogOutAsync()
    {
        if (http.DefaultRequestHeaders.Authorization is null)
        {
            return;
        }

        try
        {
            using var response = await http.DeleteAsync($"{Api}/sessions/current");
        }
        catch (HttpRequestException)
        {
            // The server went away; its idle timeout closes the session.
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>
    /// A session left open by an interrupted earlier run (one open session per user) is closed by the same credentials, as
    /// closeSessionByCredentials does, and the login is tried once more; <paramref name="notes"/> says so (never the id).
    /// </summary>
    private static async Task<SessionCreated> LogInClosingAStaleSessionAsync(
        Func<Task<SessionCreated>> logIn, Func<Task<SessionStatusView>> closeOpenSession, TextWriter notes)
    {
        try
        {
            return await logIn();
        }
        catch (CliException e) when (e.ErrorCode == EsfException.SessionAlreadyOpenCode)
        {
            await closeOpenSession();
            await notes.WriteLineAsync("The user had an open session (an interrupted earlier run?): closed the user's open session by credentials and logged in again.");
            return await logIn();
        }
    }

    private async Task<T> SendAsync<T>(string action, Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"Cannot reach the gateway at {http.BaseAddress}: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var (description, errorCode) = await DescribeAsync(response, ct);
                throw new CliException($"{action} refused: {description}") { ErrorCode = errorCode };
            }

            return await response.Content.ReadFromJsonAsync<T>(ct)
                ?? throw new CliException($"{action}: the gateway answered an empty body.");
        }
    }

    /// <summary>"422 PASSWORD_INVALID: …" and the errorCode from a problem body, or the bare status when the body is not a problem.</summary>
    private static async Task<(string Description, string? ErrorCode)> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var errorCode = problem.TryGetProperty("errorCode", out var code) ? code.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var text) ? $": {text.GetString()}" : "";
            return ($"{status}{(errorCode is null ? "" : $" {errorCode}")}{detail}", errorCode);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return (status, null);
        }
    }
}
