using Esf.Domain.Rules;
using Esf.Infrastructure.Registration;

namespace Esf.Api.Rest.Rules;

/// <summary>The dry-run result: valid or not, every violation, and whether the signature rules ran.</summary>
public sealed record ValidationView(bool Valid, bool SignatureChecked, IReadOnlyList<ViolationView> Errors)
{
    public static ValidationView From(InvoiceValidation result) =>
        new(result.Valid, result.SignatureChecked, [.. result.Violations.Select(ViolationView.From)]);
}

/// <summary>One broken rule with the field it concerns.</summary>
public sealed record ViolationView(string RuleId, string ErrorCode, string Property, string Text)
{
    public static ViolationView From(RuleViolation v) => new(v.RuleId, v.ErrorCode, v.Property, v.Message);
}
