using System.Text;
using Esf.Infrastructure.Export;

namespace Esf.Api.Cli;

/// <summary>
/// Resuming an XML export: the gateway writes <c>&lt;!--cursor:…--&gt;</c> after every invoice of the container, so a file cut
/// short is truncated just after its last complete cursor comment (dropping a partly written invoice and the unfinished
/// end) and the continuation, requested with that cursor, is appended without its own XML declaration and container start.
/// </summary>
public static class ContainerResume
{
    private static readonly byte[] CursorStart = Encoding.ASCII.GetBytes("<!--" + InvoiceContainerReader.CursorPrefix);
    private static readonly byte[] CommentEnd = "-->"u8.ToArray();
    private static readonly byte[] InvoiceSet = "<invoiceSet"u8.ToArray();

    /// <summary>Cuts the file after its last complete cursor comment and answers that cursor (null: nothing to keep).</summary>
    public static string? Prepare(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        // The tail is searched in windows that double, so only the last invoices are read, whatever the file's size.
        for (long window = 1 << 20; ; window *= 2)
        {
            var start = Math.Max(0, stream.Length - window);
            var tail = new byte[stream.Length - start];
            stream.Position = start;
            stream.ReadExactly(tail);
            if (LastCursor(tail) is var (cursor, end))
            {
                stream.SetLength(start + end);
                return cursor;
            }

            if (start == 0)
            {
                return null;
            }
        }
    }

    private static (string Cursor, int End)? LastCursor(byte[] tail)
    {
        var span = tail.AsSpan();
        while (span.LastIndexOf(CursorStart) is var at and >= 0)
        {
            var value = at + CursorStart.Length;
            if (span[value..].IndexOf(CommentEnd) is var length and >= 0)
            {
                return (Encoding.ASCII.GetString(span.Slice(value, length)), value + length + CommentEnd.Length);
            }

            span = span[..at];
        }

        return null;
    }

    /// <summary>
    /// Reads the continuation's declaration and container start up to the end of its <c>invoiceSet</c> tag; an empty set comes
    /// as <c>&lt;invoiceSet /&gt;</c>, whose closing tag the file (which has the open one) still needs.
    /// </summary>
    public static async Task SkipContainerStartAsync(Stream input, Stream output, CancellationToken ct)
    {
        var matched = 0;
        var one = new byte[1];
        while (matched < InvoiceSet.Length)
        {
            await ReadByteAsync(input, one, ct);
            matched = one[0] == InvoiceSet[matched] ? matched + 1 : (one[0] == InvoiceSet[0] ? 1 : 0);
        }

        byte previous = 0;
        while (await ReadByteAsync(input, one, ct) != (byte)'>')
        {
            previous = one[0];
        }

        if (previous == (byte)'/')
        {
            await output.WriteAsync("</invoiceSet>"u8.ToArray(), ct);
        }
    }

    private static async Task<byte> ReadByteAsync(Stream input, byte[] one, CancellationToken ct) =>
        await input.ReadAsync(one, ct) == 1 ? one[0] : throw new CliException("The gateway's continuation ended before its invoice set.");
}
