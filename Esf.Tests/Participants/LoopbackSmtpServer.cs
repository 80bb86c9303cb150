using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Esf.Tests.Participants;

/// <summary>
/// Just enough of an SMTP server, on 127.0.0.1, to receive one message: greets, accepts EHLO, MAIL, RCPT and DATA, and hands the
/// message over parsed. Nothing leaves the machine.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task<(IReadOnlyList<string> Recipients, MimeMessage Message)> received;

    public LoopbackSmtpServer()
    {
        listener.Start();
        received = ReceiveOneAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Task<(IReadOnlyList<string> Recipients, MimeMessage Message)> Received => received.WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose() => listener.Dispose();

    private async Task<(IReadOnlyList<string>, MimeMessage)> ReceiveOneAsync()
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        var recipients = new List<string>();
        await writer.WriteLineAsync("220 127.0.0.1 ESMTP loopback");
        while (await reader.ReadLineAsync() is { } command)
        {
            var verb = command.Split(' ', ':')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250-127.0.0.1\r\n250 8BITMIME");
                    break;
                case "RCPT":
                    recipients.Add(command[(command.IndexOf('<') + 1)..command.IndexOf('>')]);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } line && line != ".")
                    {
                        // Dot-stuffing (RFC 5321 §4.5.2): a line starting with a dot was sent with one more.
                        data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
                    }

                    await writer.WriteLineAsync("250 OK queued");
                    var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())));
                    await AnswerQuitAsync(reader, writer);
                    return (recipients, message);
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }

        throw new InvalidOperationException("The client left before sending a message.");
    }

    private static async Task AnswerQuitAsync(StreamReader reader, StreamWriter writer)
    {
        if (await reader.ReadLineAsync() is { } quit && quit.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
        {
            await writer.WriteLineAsync("221 Bye");
        }
    }
}
