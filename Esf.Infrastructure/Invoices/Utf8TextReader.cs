using System.Text;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Reads UTF-8 bytes as text, decoding into the caller's buffer: the XML reader of an uploaded body reads through it without a
/// string of the whole body and without buffers of its own. A byte order mark is passed on as U+FEFF, as a string holding one was.
/// </summary>
internal sealed class Utf8TextReader(ReadOnlyMemory<byte> bytes) : TextReader
{
    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private int position;

    // The second half of a surrogate pair decoded for a caller that had room for one char only.
    private char? pending;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (pending is { } held)
        {
            buffer[0] = held;
            pending = null;
            return 1 + Read(buffer[1..]);
        }

        if (buffer.Length == 1)
        {
            // One char of room may not hold a whole code point: decode up to two and keep the second.
            Span<char> two = stackalloc char[2];
            var count = Decode(two);
            if (count == 2)
            {
                pending = two[1];
            }

            buffer[0] = two[0];
            return Math.Min(count, 1);
        }

        return Decode(buffer);
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Peek()
    {
        if (pending is { } held)
        {
            return held;
        }

        var remaining = bytes.Span[position..];
        if (remaining.IsEmpty)
        {
            return -1;
        }

        Span<char> two = stackalloc char[2];
        Encoding.UTF8.GetDecoder().Convert(remaining, two, flush: true, out _, out var charsUsed, out _);
        return charsUsed == 0 ? -1 : two[0];
    }

    private int Decode(Span<char> buffer)
    {
        var remaining = bytes.Span[position..];
        if (remaining.IsEmpty)
        {
            return 0;
        }

        decoder.Convert(remaining, buffer, flush: true, out var bytesUsed, out var charsUsed, out _);
        position += bytesUsed;
        return charsUsed;
    }
}
