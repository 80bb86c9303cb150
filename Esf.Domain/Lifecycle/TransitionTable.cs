namespace Esf.Domain.Lifecycle;

/// <summary>
/// The allowed transitions of one document's statuses. Every status change of the pipeline and of the document flow goes
/// through <see cref="EnsureCanMove"/>, so an illegal change always throws and is never a silent no-op.
/// </summary>
/// <param name="document">The document as the refusal names it, e.g. "An invoice".</param>
/// <param name="allowed">For each status, the statuses it may move to; a status absent here is final.</param>
public sealed class TransitionTable<TStatus>(string document, IReadOnlyDictionary<TStatus, TStatus[]> allowed)
    where TStatus : struct, Enum
{
    public bool CanMove(TStatus from, TStatus to) => allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Every allowed (from, to) pair.</summary>
    public IEnumerable<(TStatus From, TStatus To)> Transitions => allowed.SelectMany(p => p.Value.Select(to => (p.Key, to)));

    public void EnsureCanMove(TStatus from, TStatus to)
    {
        if (!CanMove(from, to))
        {
            throw Refusal(from, to);
        }
    }

    /// <summary>The exception for a refused move, also used for its message when an operation answers instead of throwing.</summary>
    public InvalidStatusTransitionException Refusal(TStatus from, TStatus to) =>
        new(document, WireNames<TStatus>.ToWire(from), WireNames<TStatus>.ToWire(to));
}
