using Esf.Infrastructure.Errors;

namespace Esf.Api.Rest.Problems;

/// <summary>
/// JSON binding leaves a missing property null even when the contract declares it non-nullable; this turns that into a 400
/// problem naming the fields instead of a failure deeper down.
/// </summary>
public static class RequiredFields
{
    public static void Check(params (string Name, object? Value)[] fields)
    {
        var missing = fields.Where(f => f.Value is null or string { Length: 0 }).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw EsfException.InvalidInput($"Missing required field(s): {string.Join(", ", missing)}.");
        }
    }
}
