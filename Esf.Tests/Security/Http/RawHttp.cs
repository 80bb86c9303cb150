using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Esf.Tests.Security.Http;

/// <summary>
/// An HTTP/1.1 connection written byte by byte on a loopback socket, for what HttpClient will not send: a Content-Length that
/// the body never reaches.
/// </summary>
public sealed class RawHttp : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly StringBuilder received = new();

    public static async Task<RawHttp> ConnectAsync(Uri server)
    {
        var connection = new RawHttp();
        await connection.socket.ConnectAsync(IPAddress.Loopback, server.Port);
        return connection;
    }

    /// <summary>The request line and headers of a SOAP POST, without the blank line that ends them.</summary>
    public static string SoapPost(string service, long contentLength) =>
        $"POST /esf-web/ws/api1/{service} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {contentLength}\r\nConnection: close";

    public async Task SendAsync(string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Reads until <paramref name="marker"/> has arrived (or the server closed), and answers everything read so far.</summary>
    public async Task<string> ReadUntilAsync(string marker)
    {
        var buffer = new byte[8192];
        while (!received.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    /// <summary>Everything the server sends until it closes the connection.</summary>
    public Task<string> ReadToEndAsync() => ReadUntilAsync("\0never");

    public void Dispose() => socket.Dispose();
}
