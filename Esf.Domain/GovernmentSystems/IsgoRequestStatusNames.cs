using Esf.Domain.Lifecycle;

namespace Esf.Domain.GovernmentSystems;

/// <summary>The wire names (<c>SENT_FOR_CONFIRMATION</c>) and the exact Russian names of <see cref="IsgoRequestStatus"/>.</summary>
public static class IsgoRequestStatusNames
{
    private static readonly Dictionary<IsgoRequestStatus, string> Russian = new()
    {
        [IsgoRequestStatus.SentForConfirmation] = "Направлен для подтверждения",
        [IsgoRequestStatus.DeclinedByCounterparty] = "Отклонен подтверждающим НП",
        [IsgoRequestStatus.AgreedByCounterparty] = "Согласован подтверждающим НП",
        [IsgoRequestStatus.SentToShep] = "Направлен в ШЭП",
        [IsgoRequestStatus.NotAcceptedByShep] = "Не принят ШЭП",
        [IsgoRequestStatus.DeliveredToIsgo] = "Доставлен в ИС ГО",
        [IsgoRequestStatus.IncludedInApplication] = "ЭСФ включен в заявку",
        [IsgoRequestStatus.NotIncludedInApplication] = "ЭСФ не включен в заявку",
        [IsgoRequestStatus.SupportRefused] = "Отказано в мерах господдержки",
        [IsgoRequestStatus.SubsidyPaid] = "Выплачена бюджетная субсидия",
    };

    public static string ToWire(this IsgoRequestStatus status) => WireNames<IsgoRequestStatus>.ToWire(status);

    public static IsgoRequestStatus Parse(string wire) => WireNames<IsgoRequestStatus>.Parse(wire);

    public static bool TryParse(string wire, out IsgoRequestStatus status) => WireNames<IsgoRequestStatus>.TryParse(wire, out status);

    public static string RussianName(this IsgoRequestStatus status) => Russian[status];
}
