using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// POSTs one signed change to a receiver. Connections go through <see cref="WebhookTargetGuard"/>, never through a proxy,
/// and redirects are not followed (a 3xx is a failed delivery): a public receiver cannot bounce the request inward.
/// A sandbox fault (DUPLICATE_WEBHOOK) sends an accepted delivery once more, unchanged, to prove the receiver idempotent.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient http;
    private readonly Sandbox.SandboxFaults? faults;

    public WebhookSender(WebhookTargetGuard guard, IOptions<WebhookOptions> options, Sandbox.SandboxFaults? faults = null)
    {
        this.faults = faults;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, ConnectCallback = guard.ConnectAsync };
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) };
    }

    public async Task<WebhookAttempt> SendAsync(WebhookSubscription subscription, string deliveryKey, byte[] body, CancellationToken cancellationToken)
    {
        var attempt = await PostAsync(subscription, deliveryKey, body, cancellationToken);
        return attempt.Succeeded && faults?.TakeWebhookRepeat(subscription.Tin) == true
            ? await PostAsync(subscription, deliveryKey, body, cancellationToken)
            : attempt;
    }

    private async Task<WebhookAttempt> PostAsync(WebhookSubscription subscription, string deliveryKey, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = content };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(subscription.Secret, body));
            request.Headers.Add("X-Esf-Delivery", $"{subscription.SubscriptionId}-{deliveryKey}");
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(status, response.IsSuccessStatusCode ? null : $"HTTP {status}");
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException)
        {
            return new WebhookAttempt(null, WebhookAttempt.TargetRefused);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Never the exception's text: it would tell the tenant what answered (or not) at the address, a port scanner.
            return new WebhookAttempt(null, WebhookAttempt.Failed);
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>What one POST came to: the receiver's status if it answered, and an error class the delivery log may show.</summary>
public sealed record WebhookAttempt(int? Status, string? Error)
{
    /// <summary>The target resolved to an address that is not public (see <see cref="WebhookTargetGuard"/>); nothing was sent.</summary>
    public const string TargetRefused = "TARGET_REFUSED";

    /// <summary>No answer: no connection, a broken one or a timeout (which one is not told).</summary>
    public const string Failed = "DELIVERY_FAILED";

    public bool Succeeded => Error is null;
}
