using System.Text.RegularExpressions;
using Esf.Tests.Soap;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// One operation that takes an invoice id, as the isolation matrix calls it: the caller, the id, and the raw answer
/// (HTTP status and body). Add an operation with one line in <see cref="TenantOperations.All"/>.
/// </summary>
public sealed partial record TenantOperation(string Name, Func<Caller, long, Task<string>> Invoke)
{
    public static TenantOperation Soap(string service, string requestElement) => new($"SOAP {service}.{requestElement}", async (caller, id) =>
    {
        var reply = await caller.Soap.PostAsync(service, Envelopes.ById(requestElement, caller.SessionId, id));
        return $"{(int)reply.Status} {reply.Body}";
    });

    /// <summary>A SOAP operation whose request is not the plain sessionId + idList (build the envelope yourself).</summary>
    public static TenantOperation Soap(string service, string name, Func<string, long, string> envelope) => new($"SOAP {service}.{name}", async (caller, id) =>
    {
        var reply = await caller.Soap.PostAsync(service, envelope(caller.SessionId, id));
        return $"{(int)reply.Status} {reply.Body}";
    });

    /// <summary>A REST call; <paramref name="path"/> contains <c>{id}</c>.</summary>
    public static TenantOperation Rest(HttpMethod method, string path, Func<long, HttpContent?>? body = null) => new($"REST {method} {path}", async (caller, id) =>
    {
        using var request = new HttpRequestMessage(method, path.Replace("{id}", id.ToString(), StringComparison.Ordinal)) { Content = body?.Invoke(id) };
        using var response = await caller.Http.SendAsync(request);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    });

    /// <summary>The answer with the id and per-request noise (trace ids) taken out, so two answers can be compared.</summary>
    public static string Normalize(string answer, long id) =>
        TraceId().Replace(answer, "").Replace(id.ToString(), "{id}", StringComparison.Ordinal);

    public override string ToString() => Name;

    [GeneratedRegex("\"traceId\":\"[^\"]*\",?")]
    private static partial Regex TraceId();
}
