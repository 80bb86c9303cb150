namespace Esf.Infrastructure.Journal;

/// <summary>One reason an uploaded invoice was declined (item <see cref="Index"/> of its upload).</summary>
public sealed record DeclinedItem(int Index, string Num, string Date, string RuleId, string ErrorCode, string Property, string Text);
