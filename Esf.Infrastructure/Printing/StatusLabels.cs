using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// What people call each status, in Russian (the names of Rules p.13, spec-rest §3.9), Kazakh and English. Statuses the
/// gateway never reaches fall back to their wire name.
/// </summary>
public static class StatusLabels
{
    private static readonly Dictionary<InvoiceStatus, (string Ru, string Kk, string En)> Labels = new()
    {
        [InvoiceStatus.InQueue] = ("В очереди", "Кезекте", "In queue"),
        [InvoiceStatus.InProcessing] = ("В обработке", "Өңделуде", "Processing"),
        [InvoiceStatus.Created] = ("Не просмотрен", "Қаралмаған", "Not viewed"),
        [InvoiceStatus.Delivered] = ("Доставлен", "Жеткізілді", "Delivered"),
        [InvoiceStatus.Canceled] = ("Аннулирован", "Күші жойылды", "Annulled"),
        [InvoiceStatus.CanceledBySntDecline] = ("Аннулирован при отклонении СНТ", "ІЖТ қабылданбағанда күші жойылды", "Annulled: waybill declined"),
        [InvoiceStatus.CanceledBySntRevoke] = ("Аннулирован при отзыве СНТ", "ІЖТ кері қайтарылғанда күші жойылды", "Annulled: waybill revoked"),
        [InvoiceStatus.Revoked] = ("Отозван", "Кері қайтарылды", "Revoked"),
        [InvoiceStatus.Imported] = ("Импортированный", "Импортталған", "Imported"),
        [InvoiceStatus.Draft] = ("Черновик", "Жоба", "Draft"),
        [InvoiceStatus.Failed] = ("Ошибочный", "Қате", "Failed"),
        [InvoiceStatus.Deleted] = ("Удален", "Жойылды", "Deleted"),
        [InvoiceStatus.Declined] = ("Отклоненный", "Қабылданбады", "Declined"),
        [InvoiceStatus.SendToIsgo] = ("Заблокирован ИС ЭСФ", "ЭШФ АЖ бұғаттады", "Blocked (sent to a state body)"),
    };

    /// <param name="language">ru, kk or en.</param>
    public static string Of(InvoiceStatus status, string language = "ru") => Labels.TryGetValue(status, out var label)
        ? language switch { "kk" => label.Kk, "en" => label.En, _ => label.Ru }
        : status.ToWire();
}
