namespace Esf.Infrastructure.Errors;

/// <summary>The refusal of a per-enterprise quota (<c>Esf:Quotas:*</c>, security review M7): REST answers 422 QUOTA_EXCEEDED.</summary>
public static class Quota
{
    public const string ExceededCode = "QUOTA_EXCEEDED";

    /// <param name="what">What is counted and the limit, e.g. «API keys (20)».</param>
    /// <param name="key">The configuration key that sets the limit.</param>
    public static EsfException Exceeded(string what, string key) =>
        EsfException.Business($"The enterprise has reached its quota of {what}; remove some first ({key}).", ExceededCode);
}
