using Esf.Domain.Lifecycle;

namespace Esf.Domain.GovernmentSystems;

/// <summary>
/// The transitions of an ИС ГО request (spec-rest §3.8.5, order inferred from the manual's list) and what each status does to the
/// invoices inside it: blocked as SEND_TO_ISGO («Заблокирован ИС ЭСФ») from initiation, their earlier status restored when the
/// request ends without support. Every change goes through <see cref="EnsureCanMove"/>, so an illegal one throws.
/// </summary>
public static class IsgoRequestLifecycle
{
    public static TransitionTable<IsgoRequestStatus> Table { get; } = new("An ИС ГО request", new Dictionary<IsgoRequestStatus, IsgoRequestStatus[]>
    {
        [IsgoRequestStatus.SentForConfirmation] = [IsgoRequestStatus.DeclinedByCounterparty, IsgoRequestStatus.AgreedByCounterparty],
        [IsgoRequestStatus.AgreedByCounterparty] = [IsgoRequestStatus.SentToShep, IsgoRequestStatus.NotAcceptedByShep],
        [IsgoRequestStatus.SentToShep] = [IsgoRequestStatus.DeliveredToIsgo],
        [IsgoRequestStatus.DeliveredToIsgo] = [IsgoRequestStatus.IncludedInApplication, IsgoRequestStatus.NotIncludedInApplication],
        [IsgoRequestStatus.IncludedInApplication] = [IsgoRequestStatus.SubsidyPaid, IsgoRequestStatus.SupportRefused],
    });

    /// <summary>
    /// The statuses that give the invoices back their status from before the request: the counterparty's refusal, «не включен»,
    /// «отказано», and (our decision, ADR 0029) «Не принят ШЭП», since nothing reached the state body and the request cannot
    /// go on; the participant sends a new request.
    /// </summary>
    public static bool RestoresInvoices(IsgoRequestStatus status) => status is IsgoRequestStatus.DeclinedByCounterparty
        or IsgoRequestStatus.NotAcceptedByShep or IsgoRequestStatus.NotIncludedInApplication or IsgoRequestStatus.SupportRefused;

    public static bool IsFinal(IsgoRequestStatus status) => !Table.Transitions.Any(t => t.From == status);

    public static bool CanMove(IsgoRequestStatus from, IsgoRequestStatus to) => Table.CanMove(from, to);

    public static void EnsureCanMove(IsgoRequestStatus from, IsgoRequestStatus to) => Table.EnsureCanMove(from, to);

    /// <summary>
    /// The request's status after the state body's decision on each invoice (statuses 7 and 8 are worded per invoice): included
    /// when at least one invoice is, otherwise not included.
    /// </summary>
    public static IsgoRequestStatus AfterDecision(IEnumerable<bool> includedPerInvoice) =>
        includedPerInvoice.Any(included => included) ? IsgoRequestStatus.IncludedInApplication : IsgoRequestStatus.NotIncludedInApplication;
}
