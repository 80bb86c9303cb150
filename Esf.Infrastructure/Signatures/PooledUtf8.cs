using System.Buffers;
using System.Text;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// A text's UTF-8 bytes in a pooled buffer, given back on <see cref="Dispose"/>: the bytes of an invoice body are needed only
/// for a moment (its hash at upload, its signature check in the worker), so a new array of the body's size per invoice is
/// garbage the collector then has to clear (issue 17).
/// </summary>
internal readonly ref struct PooledUtf8
{
    private readonly byte[] buffer;
    private readonly int length;

    private PooledUtf8(byte[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public static PooledUtf8 Of(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        return new PooledUtf8(buffer, Encoding.UTF8.GetBytes(text, buffer));
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
