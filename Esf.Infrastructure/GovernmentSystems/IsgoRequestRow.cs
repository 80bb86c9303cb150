using Esf.Domain.GovernmentSystems;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>One ИС ГО request as the journal shows it (журнал запросов ИС ГО): parties, state body, subsidy, status and dates.</summary>
public sealed class IsgoRequestRow
{
    public long RequestId { get; init; }
    public string InitiatorTin { get; init; } = "";
    public string CounterpartyTin { get; init; } = "";
    public string StateBodyCode { get; init; } = "";
    public string? SubsidyCode { get; init; }
    public string Status { get; init; } = "";

    /// <summary>«Примечание»: the counterparty's refusal reason, or the government side's.</summary>
    public string? Note { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime? ConfirmedAt { get; init; }
    public DateTime LastUpdateDate { get; init; }

    public IsgoRequestStatus ParsedStatus => IsgoRequestStatusNames.Parse(Status);
}
