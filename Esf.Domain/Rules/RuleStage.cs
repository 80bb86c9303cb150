namespace Esf.Domain.Rules;

/// <summary>Where a rule runs.</summary>
public enum RuleStage
{
    /// <summary>At upload, on the document alone; a violation declines the invoice (declinedSet).</summary>
    Upload,
    /// <summary>In the worker, with the registry and other invoices; a violation makes the invoice FAILED.</summary>
    Registration,
}
