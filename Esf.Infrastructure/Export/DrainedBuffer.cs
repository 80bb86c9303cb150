namespace Esf.Infrastructure.Export;

/// <summary>
/// A write-only, non-seekable stream that keeps what is written until <see cref="DrainAsync"/> sends it on. ZipArchive writes
/// headers and descriptors synchronously, which Kestrel forbids on a response; behind this buffer the archive writes into
/// memory and each finished entry goes to the client asynchronously, so memory holds one entry at a time.
/// </summary>
internal sealed class DrainedBuffer(Stream output) : Stream
{
    private readonly MemoryStream pending = new();
    private long written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        pending.Position = 0;
        await pending.CopyToAsync(output, cancellationToken);
        pending.SetLength(0);
        await output.FlushAsync(cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        pending.Write(buffer);
        written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing to do: the data leaves with <see cref="DrainAsync"/>.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
