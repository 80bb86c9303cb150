namespace Esf.Infrastructure.Printing;

/// <summary>A column of a goods table: its printed code («3/1»), its name, its share of the table's width and whether it holds numbers.</summary>
public sealed record FormColumn(string Code, string Label, float Weight, bool Numeric = false);
