using System.Net.Http.Headers;
using System.Text.Json;

namespace Esf.Bench;

/// <summary>
/// REST: <c>POST /api/v1/sessions</c>, then the scenario's upload (e.g. <c>POST /api/v1/invoices</c>) with the session as bearer,
/// <c>DELETE /api/v1/sessions/current</c>.
/// </summary>
public sealed class RestSender(HttpClient http, Sender sender, IScenario scenario) : ProtocolSender(http, sender, scenario)
{
    private string? _uploadPath;

    public override string Protocol => "REST";

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync("api/v1/sessions", Json(new
        {
            tin = Sender.SellerTin, certificate = Sender.CertificateBase64, login = Sender.UserIin, password = Sender.Password,
        }), cancellationToken);
        using var answer = JsonDocument.Parse(await ReadAsync(response, cancellationToken));
        SessionId = answer.RootElement.GetProperty("sessionId").GetString()!;
    }

    public override byte[] Payload(IReadOnlyList<SignedDocument> documents)
    {
        var upload = Scenario.RestUpload(Sender, documents);
        _uploadPath = upload.Path;
        return upload.Body;
    }

    public override async Task<UploadCount> SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, _uploadPath ?? throw new InvalidOperationException("Payload first: it names the path."));
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.SendAsync(request, cancellationToken);
        using var answer = JsonDocument.Parse(await ReadAsync(response, cancellationToken));
        return Count(Scenario.ReadRestAnswer(answer.RootElement));
    }

    public override async Task CloseAsync(CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Delete, "api/v1/sessions/current");
        using var response = await Http.SendAsync(request, cancellationToken);
        await ReadAsync(response, cancellationToken);
    }

    /// <summary>A request with this session as bearer (also for the feed follower and the export).</summary>
    public HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SessionId);
        return request;
    }

    private static ByteArrayContent Json(object value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
