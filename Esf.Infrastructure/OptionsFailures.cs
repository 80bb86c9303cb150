using Microsoft.Extensions.Options;

namespace Esf.Infrastructure;

/// <summary>Collects what is wrong with one options section, each failure naming its configuration key, for an options validator.</summary>
public sealed class OptionsFailures
{
    private readonly List<string> failures = [];

    public ValidateOptionsResult Result => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

    public OptionsFailures Positive(string key, long value) =>
        Require(value > 0, $"{key} must be above 0 (it is {value}).");

    /// <summary>For limits where 0 means "off".</summary>
    public OptionsFailures NotNegative(string key, long value) =>
        Require(value >= 0, $"{key} must be 0 (off) or above (it is {value}).");

    /// <summary>Empty is allowed (the feature is off); anything else must be an absolute URI with one of the schemes.</summary>
    public OptionsFailures AbsoluteUriOrEmpty(string key, string? value, string example, params string[] schemes) =>
        Require(
            string.IsNullOrWhiteSpace(value)
            || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)),
            $"{key} must be an absolute {string.Join(" or ", schemes.Select(s => s + "://"))} URI, such as {example}.");

    /// <summary>Every value a network in CIDR notation.</summary>
    public OptionsFailures Networks(string key, IEnumerable<string> values)
    {
        foreach (var network in values)
        {
            Require(System.Net.IPNetwork.TryParse(network, out _), $"{key}: «{network}» is not a network in CIDR notation (e.g. 172.18.0.0/16).");
        }

        return this;
    }

    public OptionsFailures Require(bool condition, string failure)
    {
        if (!condition)
        {
            failures.Add(failure);
        }

        return this;
    }
}
