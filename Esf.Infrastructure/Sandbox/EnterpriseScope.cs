using System.Runtime.CompilerServices;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// The enterprise whose world the current request or upload runs in, for <see cref="SandboxClock"/>. A request begins an
/// unnamed scope at its start and the session lookup names it: the name is written into the box the request's flow holds,
/// because an AsyncLocal set inside an awaited method would not flow back to its caller.
/// </summary>
public static class EnterpriseScope
{
    private static readonly AsyncLocal<StrongBox<string?>> Current = new();

    /// <summary>The enterprise (ИИН/БИН) of the current flow, if one was named.</summary>
    public static string? Tin => Current.Value?.Value;

    /// <summary>Begins a scope for the rest of the caller's flow (a request, an upload).</summary>
    public static void Begin(string? tin = null) => Current.Value = new StrongBox<string?>(tin);

    /// <summary>Names the enterprise of the scope the caller began; nothing happens outside one.</summary>
    public static void Name(string tin)
    {
        if (Current.Value is { } scope)
        {
            scope.Value = tin;
        }
    }
}
