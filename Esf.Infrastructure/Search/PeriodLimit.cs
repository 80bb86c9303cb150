using Esf.Infrastructure.Errors;

namespace Esf.Infrastructure.Search;

/// <summary>
/// The period rules of queryInvoice and Table 30: the issue-date period is required and spans at most one quarter, read as
/// three calendar months (01.01–31.03 is allowed, 01.01–01.04 is not); the same limit applies to the turnover-date period.
/// The forms of Tables 30 and 31 also refuse a period date after today (<see cref="CheckNotAfter"/>).
/// </summary>
public static class PeriodLimit
{
    public const string QuarterMessage = "Можно получить список СФ за период не более 1 квартала";
    public const string MissingMessage = "Задайте период для формирования отчета";

    /// <summary>Tables 30 and 31, for both ends of the issue-date and the turnover-date periods.</summary>
    public const string FutureMessage = "Дата не должна быть больше текущей";

    public static void Check(InvoiceFilter filter)
    {
        if (filter.DateFrom is not { } from || filter.DateTo is not { } to)
        {
            throw EsfException.Business(MissingMessage, "FIELD_IS_NULL");
        }

        CheckSpan(from, to);
        if (filter.TurnoverDateFrom is { } turnoverFrom && filter.TurnoverDateTo is { } turnoverTo)
        {
            CheckSpan(turnoverFrom, turnoverTo);
        }
    }

    /// <summary>
    /// No end of either period may lie after <paramref name="today"/> (the server's day in Kazakhstan). REST, reports, exports
    /// and the journal apply it, as the web forms do; SOAP queryInvoice does not, since the real wire was not seen to refuse it.
    /// </summary>
    public static void CheckNotAfter(InvoiceFilter filter, DateOnly today)
    {
        DateOnly?[] days = [filter.DateFrom, filter.DateTo, filter.TurnoverDateFrom, filter.TurnoverDateTo];
        if (days.Any(day => day > today))
        {
            throw EsfException.Business(FutureMessage, "WRONG_DATE");
        }
    }

    private static void CheckSpan(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw EsfException.Business($"Начало периода {from:dd.MM.yyyy} позже его конца {to:dd.MM.yyyy}.", "WRONG_DATE");
        }

        if (to >= from.AddMonths(3))
        {
            throw EsfException.Business(QuarterMessage, "WRONG_DATE");
        }
    }
}
