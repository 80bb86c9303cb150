using System.Globalization;
using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// The control date returned with an invoice (InvoiceInfo.deadline, DeadlineType of esf-api-facts §9.6): DECLINE for a
/// corrected or additional invoice the customer may still decline, UNREVOKE for a revoked one it may still object to.
/// <see cref="LastMoment"/> is the end of the last allowed day in Kazakhstan time.
/// </summary>
public sealed record InvoiceDeadline(string Type, DateOnly LastDay)
{
    public DateTimeOffset LastMoment => new(LastDay.ToDateTime(new TimeOnly(23, 59, 59, 999)), KazakhstanTime.Offset);

    public static InvoiceDeadline? Of(InvoiceRecord invoice)
    {
        if (!DateOnly.TryParseExact(invoice.DateText, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        // While REVOKED nothing else touches the invoice, so its last update is the revocation.
        var revokedOn = invoice.Status == InvoiceStatus.Revoked ? DateOnly.FromDateTime(KazakhstanTime.Of(invoice.LastUpdateDate).DateTime) : (DateOnly?)null;
        var facts = new LifecycleFacts(invoice.Status, LifecycleRow.ParseType(invoice.InvoiceType), date, revokedOn,
            RegistrationNumber.DayOf(invoice.RegistrationNumber));
        return DocumentFlowWindows.DeclineDeadline(facts) is { } decline ? new InvoiceDeadline("DECLINE", decline)
            : DocumentFlowWindows.UnrevokeDeadline(facts) is { } unrevoke ? new InvoiceDeadline("UNREVOKE", unrevoke)
            : null;
    }
}
