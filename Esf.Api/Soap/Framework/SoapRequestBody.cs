using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// Copies the request body into memory with async reads, refusing more than the configured maximum. The XML is then parsed
/// from memory: XmlSerializer reads synchronously, which Kestrel forbids on the request stream itself.
/// </summary>
public static class SoapRequestBody
{
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

        var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
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
