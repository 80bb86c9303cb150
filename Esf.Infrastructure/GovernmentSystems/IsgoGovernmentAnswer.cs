using Esf.Domain.GovernmentSystems;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>
/// A status the government side sends back: «Доставлен в ИС ГО», its decision per invoice (<see cref="IncludedInvoiceIds"/>:
/// the invoices included in the application, the rest not; null = all), «Выплачена бюджетная субсидия» or «Отказано в мерах
/// господдержки» with the state body's reason in <see cref="Note"/>.
/// </summary>
public sealed record IsgoGovernmentAnswer(IsgoRequestStatus Status, IReadOnlyList<long>? IncludedInvoiceIds = null, string? Note = null)
{
    /// <summary>The statuses that only the government side sets (ШЭП's own answer comes through <see cref="IStateSupportGateway"/>).</summary>
    public static readonly IsgoRequestStatus[] FromGovernment =
    [
        IsgoRequestStatus.DeliveredToIsgo, IsgoRequestStatus.IncludedInApplication, IsgoRequestStatus.NotIncludedInApplication,
        IsgoRequestStatus.SupportRefused, IsgoRequestStatus.SubsidyPaid,
    ];
}
