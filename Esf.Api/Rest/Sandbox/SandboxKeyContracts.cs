namespace Esf.Api.Rest.Sandbox;

/// <summary>
/// A key from the sandbox CA for the holder <c>iin</c> (and the entity <c>bin</c>): <c>purpose</c> AUTH or SIGN, <c>algorithm</c>
/// RSA or GOST (ГОСТ 34.10-2015 512-bit), an optional НУЦ РК <c>role</c> (HEAD, EMPLOYEE, INFORMATION_SYSTEM, …).
/// </summary>
public sealed record CreateKeyBody(string Iin, string Purpose, string? Bin = null, string? Name = null, string Algorithm = "RSA", string? Role = null);
