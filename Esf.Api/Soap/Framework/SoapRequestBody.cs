using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// Copies the request body into memory with async reads, refusing more than the configured maximum. The XML is then parsed
/// from memory: XmlSerializer reads synchronously, which Kestrel forbids on the request stream itself.
/// The buffer grows with the bytes received, never to the announced Content-Length up front: a client that announces 20 MB
/// and trickles a few bytes would otherwise pin 20 MB per connection before it is even authenticated (H4).
/// </summary>
public static class SoapRequestBody
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<MemoryStream> BufferAsync(HttpContext http, long maxBytes)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes)
        {
            throw new SoapFaultException(SoapFault.TooLarge(maxBytes));
        }

        // Let Kestrel enforce the same limit on chunked bodies too (the host may have set a different global limit).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new SoapFaultException(SoapFault.TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }
}
