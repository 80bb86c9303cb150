namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// The <c>Esf:Sandbox</c> section: the test server for integrators (test taxpayers, users and keys on demand, a clock per
/// enterprise, faults on demand). Refused at start in the Production environment (<see cref="SandboxOptionsValidator"/>).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Esf:Sandbox";

    /// <summary>Serve <c>/api/v1/sandbox/</c>, trust the sandbox's test CA and read the sandbox clock and faults.</summary>
    public bool Enabled { get; set; }

    /// <summary>The key of the header <c>X-Sandbox-Key</c>; when empty one is generated at start and written to demo.json.</summary>
    public string? Key { get; set; }
}
