using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Esf.Tests.Webhooks;

/// <summary>
/// A receiver on 127.0.0.1 that answers 500 to its first <c>failures</c> requests and 200 afterwards (or always redirects
/// elsewhere), keeping every request.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string? redirectTo;
    private int failuresLeft;

    private WebhookReceiver(int failures, string? redirect)
    {
        failuresLeft = failures;
        redirectTo = redirect;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }

    /// <summary>Every request: its body, its signature header, what it was answered and its delivery id (X-Esf-Delivery).</summary>
    public ConcurrentQueue<(byte[] Body, string? Signature, int Answered, string? Delivery)> Requests { get; } = new();

    /// <summary>The port, once the listener was given one.</summary>
    public int Port => new Uri(Url).Port;

    public static WebhookReceiver Start(int failures) => new(failures, null);

    /// <summary>A receiver that answers every request with 302 to <paramref name="location"/>.</summary>
    public static WebhookReceiver Redirecting(string location) => new(0, location);

    /// <summary>A free loopback port that nothing listens on.</summary>
    public static int ClosedPort() => FreePort();

    public void Dispose() => listener.Close();

    private async Task ListenAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var status = redirectTo is not null ? 302 : Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
            Requests.Enqueue((buffer.ToArray(), context.Request.Headers["X-Esf-Signature"], status, context.Request.Headers["X-Esf-Delivery"]));
            context.Response.StatusCode = status;
            if (redirectTo is not null)
            {
                context.Response.RedirectLocation = redirectTo;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
