using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Esf.Tests.Webhooks;

/// <summary>A receiver on 127.0.0.1 that answers 500 to its first <c>failures</c> requests and 200 afterwards, keeping every request.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private int failuresLeft;

    private WebhookReceiver(int failures)
    {
        failuresLeft = failures;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }

    /// <summary>Every request: its body, its signature header and what it was answered.</summary>
    public ConcurrentQueue<(byte[] Body, string? Signature, int Answered)> Requests { get; } = new();

    public static WebhookReceiver Start(int failures) => new(failures);

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
            var status = Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
            Requests.Enqueue((buffer.ToArray(), context.Request.Headers["X-Esf-Signature"], status));
            context.Response.StatusCode = status;
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
