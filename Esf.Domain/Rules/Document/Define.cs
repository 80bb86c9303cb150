namespace Esf.Domain.Rules.Document;

/// <summary>Short-hand for the catalogue entries of document and registry rules.</summary>
public static class Define
{
    public static DocumentRule Doc(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<Invoices.Document.InvoiceBody, IEnumerable<string>> check,
        string? decision = null) =>
        new(new RuleDefinition(id, errorCode, ru, en, RuleStage.Upload) { Fields = fields, LegalBasis = basis, Decision = decision }, check);

    public static RegistryRule Reg(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<RegistrationContext, IEnumerable<string>> check,
        string? decision = null) =>
        new(new RuleDefinition(id, errorCode, ru, en, RuleStage.Registration) { Fields = fields, LegalBasis = basis, Decision = decision }, check);

    /// <summary>One path when <paramref name="broken"/> holds, none otherwise.</summary>
    public static IEnumerable<string> When(bool broken, string path) => broken ? [path] : [];

    /// <summary>
    /// The paths of the items (parties, lines) <paramref name="broken"/> holds for, in their order. One iterator per rule and
    /// invoice, and a path written only for a broken item: <c>Select((x, i) => (x, i)).Where(...).Select(...)</c> made three
    /// iterators and a delegate for every rule of every invoice (issue 17).
    /// </summary>
    public static IEnumerable<string> Broken<TItem>(List<TItem> items, Func<TItem, bool> broken, Func<int, string> path)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (broken(items[i]))
            {
                yield return path(i);
            }
        }
    }

    /// <summary>
    /// The paths of <paramref name="field"/> (<c>productSet.products.product[i].field</c>) in the lines of section G that
    /// <paramref name="broken"/> holds for, in their order. The check is given the body, so a rule's predicate is made once with
    /// the rule, not per invoice: <c>Lines().Where(...).Select(...)</c> made three iterators and two delegates per rule and invoice
    /// (issue 17), on ≈ 25 line rules.
    /// </summary>
    public static IEnumerable<string> BrokenLines(Invoices.Document.InvoiceBody body, Func<Invoices.Document.InvoiceBody, Invoices.Document.Product, bool> broken, string field)
    {
        var lines = body.ProductSet.Products;
        for (var i = 0; i < lines.Count; i++)
        {
            if (broken(body, lines[i]))
            {
                yield return Paths.Product(i, field);
            }
        }
    }
}
