using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Sandbox;

/// <summary>The sandbox key of this process: the configured one, or one generated at start (written to demo.json).</summary>
public sealed class SandboxKey(IOptions<SandboxOptions> options)
{
    public string Value { get; } = string.IsNullOrEmpty(options.Value.Key)
        ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))
        : options.Value.Key;

    /// <summary>Compared in constant time, so the key cannot be guessed one character at a time.</summary>
    public bool Matches(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(Value));
}
