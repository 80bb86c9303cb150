using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// <see cref="AwaitingVerdict"/> as an SQL list of wire names, <c>('IN_QUEUE', 'IN_PROCESSING')</c>: every statement that looks
/// for undecided invoices writes <c>status IN {Statuses}</c> (the partial index <c>invoices_unfinished</c> has the same predicate).
/// </summary>
public static class AwaitingVerdictSql
{
    public static readonly string Statuses = $"({string.Join(", ", AwaitingVerdict.Statuses.Select(s => $"'{s.ToWire()}'"))})";
}
