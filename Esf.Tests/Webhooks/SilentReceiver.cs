using System.Net;
using System.Net.Sockets;

namespace Esf.Tests.Webhooks;

/// <summary>A receiver on 127.0.0.1 that accepts connections and never answers: the black hole of security review M2.</summary>
public sealed class SilentReceiver : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly TaskCompletionSource firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SilentReceiver()
    {
        listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook/";

    /// <summary>Completes once the dispatcher has connected (and is waiting for an answer that never comes).</summary>
    public Task Connected => firstConnection.Task;

    public static SilentReceiver Start() => new();

    public void Dispose()
    {
        listener.Stop();
        lock (held)
        {
            held.ForEach(client => client.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (held)
            {
                held.Add(client);
            }

            firstConnection.TrySetResult();
        }
    }
}
