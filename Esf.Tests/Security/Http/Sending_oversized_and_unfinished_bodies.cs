using Esf.Infrastructure;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Security.Http;

[TestFixture]
[NonParallelizable]
public sealed class Sending_oversized_and_unfinished_bodies
{
    private const string Area = "HTTP limits";
    private const string EnvelopeStart = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";

    private static long MaxRequestBytes => HttpGateway.Fixture.Get<IOptions<EsfOptions>>().Value.MaxRequestBytes;

    [Test]
    public async Task Should_not_allocate_an_announced_content_length_that_never_arrives()
    {
        // Arrange: just under the limit, announced but never sent (H4: each such connection used to pin a 20 MB array).
        var announced = MaxRequestBytes - 1;
        await WarmUpAsync();
        using var connection = await RawHttp.ConnectAsync(HttpGateway.Fixture.BaseAddress);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        // Act: Kestrel answers 100 Continue when the handler first reads the body, so by then the handler has made its buffer.
        await connection.SendAsync(RawHttp.SoapPost("SessionService", announced) + "\r\nExpect: 100-continue\r\n\r\n");
        var interim = await connection.ReadUntilAsync("\r\n\r\n");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        // Assert: the whole process allocated far less than the announced length while waiting for it.
        Assert.That(interim, Does.StartWith("HTTP/1.1 100"), interim);
        Assert.That(allocated, Is.LessThan(announced / 2), $"{allocated} bytes allocated for a {announced}-byte announcement");
        AttackLog.Record(Area, $"Announce Content-Length {announced} on SOAP before authenticating, then send nothing",
            "Nothing is allocated ahead of the bytes received (the body is read in chunks up to Esf:MaxRequestBytes)");
    }

    /// <summary>One finished exchange first, so that the measured one does not also pay for compiling the SOAP path.</summary>
    private static async Task WarmUpAsync()
    {
        using var connection = await RawHttp.ConnectAsync(HttpGateway.Fixture.BaseAddress);
        await connection.SendAsync(RawHttp.SoapPost("SessionService", EnvelopeStart.Length) + "\r\n\r\n" + EnvelopeStart);
        await connection.ReadToEndAsync();
    }

    [Test]
    public async Task Should_refuse_a_body_over_the_limit_with_a_413_fault()
    {
        // Arrange
        var tooLarge = MaxRequestBytes + 1;
        using var connection = await RawHttp.ConnectAsync(HttpGateway.Fixture.BaseAddress);

        // Act
        await connection.SendAsync(RawHttp.SoapPost("UploadInvoiceService", tooLarge) + "\r\n\r\n" + EnvelopeStart);
        var answer = await connection.ReadToEndAsync();

        // Assert
        Assert.That(answer, Does.StartWith("HTTP/1.1 413")
            .And.Contain("<faultstring>The request is larger than this gateway accepts (").And.Contain("text/xml"), answer);
        AttackLog.Record(Area, $"Announce Content-Length {tooLarge} (over Esf:MaxRequestBytes) on SOAP",
            "413 with a soap:Client fault before any byte of the body is read");
    }
}
