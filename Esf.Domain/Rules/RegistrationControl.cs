namespace Esf.Domain.Rules;

/// <summary>Runs every registration rule over one invoice and returns all violations together.</summary>
public static class RegistrationControl
{
    /// <summary>
    /// Every violation; or, when the invoice's original is stored but cannot be read (altered in the database), API-06 alone:
    /// its rules would judge against nothing, and only this invoice fails, not the others of its batch.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Run(RegistrationContext context)
    {
        if (Registration.Originals.Of(context.Document.Body, context.Registry) is { Unreadable: { } problem })
        {
            return [RuleCatalogue.ProcessingMustComplete.Violation("relatedInvoice", $"основной ЭСФ не читается: {problem}")];
        }

        // A loop, and no list while nothing is broken (the common case), as in DocumentControl: this runs for every invoice.
        List<RuleViolation>? violations = null;
        foreach (var rule in RuleCatalogue.RegistrationRules)
        {
            rule.AddViolations(context, ref violations);
        }

        return violations ?? (IReadOnlyList<RuleViolation>)[];
    }
}
