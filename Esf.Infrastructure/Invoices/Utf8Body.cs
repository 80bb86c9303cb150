using System.Buffers;
using System.Text;
using System.Text.Json.Serialization;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// A document body exactly as sent, kept as its UTF-8 bytes (issue 17): the upload checks read the XML from them, the hash is
/// taken over them and the COPY writes them into the text column, so an uploaded body never becomes a .NET string (twice its
/// size in UTF-16) on the way. <see cref="Text"/> decodes it for the paths that still want a string (waybills, imports, drafts).
/// </summary>
/// <remarks>
/// A body read from JSON (<see cref="Utf8BodyJsonConverter"/>) lives in a pooled buffer that <see cref="Release"/> gives back
/// once the upload is answered; after that the body reads as empty, never as another request's bytes.
/// </remarks>
[JsonConverter(typeof(Utf8BodyJsonConverter))]
public sealed class Utf8Body : IEquatable<Utf8Body>
{
    /// <summary>
    /// Bodies above this get an array of their own. An invoice of ten lines is ≈ 7 KB; the bound keeps what the pool can hold
    /// at most (1,024 arrays of each power-of-two size up to it) near 64 MB, whatever sizes clients send.
    /// </summary>
    private const int MaxPooledBytes = 32 * 1024;

    // A pool of its own: uploads of 100 invoices from several sessions hold hundreds of bodies at once, far more than the shared
    // pool keeps per size (it would then allocate most of them anyway).
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(MaxPooledBytes, maxArraysPerBucket: 1024);

    private byte[]? rented;
    private ReadOnlyMemory<byte> bytes;
    private string? text;

    private Utf8Body(ReadOnlyMemory<byte> bytes, byte[]? rented, string? text)
    {
        this.bytes = bytes;
        this.rented = rented;
        this.text = text;
    }

    public static Utf8Body Empty { get; } = new(ReadOnlyMemory<byte>.Empty, null, string.Empty);

    /// <summary>The body's UTF-8 bytes (no byte order mark added or removed: what was sent).</summary>
    public ReadOnlyMemory<byte> Bytes => bytes;

    public int Length => bytes.Length;

    /// <summary>The body as a string, decoded once on first use.</summary>
    public string Text => text ??= Encoding.UTF8.GetString(bytes.Span);

    /// <summary>A body that arrived as text (SOAP's XML decoding, a stored draft): encoded to UTF-8 once, here.</summary>
    public static Utf8Body FromText(string text) => new(Encoding.UTF8.GetBytes(text), null, text);

    public static implicit operator Utf8Body(string text) => FromText(text);

    /// <summary>Room for a body of at most <paramref name="maxLength"/> bytes: pooled, unless it is larger than the pool keeps.</summary>
    internal static byte[] RentBuffer(int maxLength) => maxLength > MaxPooledBytes ? new byte[maxLength] : Pool.Rent(maxLength);

    /// <summary>The body written into the first <paramref name="length"/> bytes of a <see cref="RentBuffer"/> buffer: the one
    /// copy of a body read from a request.</summary>
    internal static Utf8Body FromBuffer(byte[] buffer, int length) =>
        new(buffer.AsMemory(0, length), buffer.Length <= MaxPooledBytes ? buffer : null, null);

    /// <summary>
    /// A reader over the bytes that decodes them as UTF-8 whatever the XML declaration says, as the body was read when it was a
    /// string, straight into the XML reader's own buffer (a StreamReader would add two buffers of its own per body).
    /// </summary>
    public TextReader OpenReader() => new Utf8TextReader(bytes);

    /// <summary>Gives the pooled buffer back; the body reads as empty from then on. Safe to call twice, and on unpooled bodies.</summary>
    public void Release()
    {
        var buffer = Interlocked.Exchange(ref rented, null);
        bytes = ReadOnlyMemory<byte>.Empty;
        text = string.Empty;
        if (buffer is not null)
        {
            Pool.Return(buffer);
        }
    }

    public bool Equals(Utf8Body? other) => other is not null && bytes.Span.SequenceEqual(other.bytes.Span);

    public override bool Equals(object? obj) => Equals(obj as Utf8Body);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(bytes.Span);
        return hash.ToHashCode();
    }

    public override string ToString() => Text;
}
