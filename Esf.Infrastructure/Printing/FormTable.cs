namespace Esf.Infrastructure.Printing;

/// <summary>
/// A goods table of section G or H: its columns (with the form's column codes), one row per line and the «Всего по счету:»
/// row (null cells stay blank). Long tables break across pages with the header repeated.
/// </summary>
public sealed record FormTable(string Caption, IReadOnlyList<FormColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, IReadOnlyList<string?>? Totals);
