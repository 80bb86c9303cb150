using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// The sandbox creates users with known passwords, keys from a CA anyone can download and moves the clock: it never runs in
/// Production, whatever else is configured. A configured key must be long enough not to be guessed.
/// </summary>
public sealed class SandboxOptionsValidator(IHostEnvironment environment) : IValidateOptions<SandboxOptions>
{
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, SandboxOptions options) => new OptionsFailures()
        .Require(!options.Enabled || !environment.IsProduction(),
            "Esf:Sandbox:Enabled=true serves test taxpayers, keys from a public test CA, a movable clock and faults on demand: it is "
            + "refused in the Production environment (run it in Development, e.g. scripts/run.sh).")
        .Require(string.IsNullOrEmpty(options.Key) || options.Key.Length >= MinimumKeyLength,
            $"Esf:Sandbox:Key must have at least {MinimumKeyLength} characters (or be empty: one is generated at start).")
        .Result;
}
