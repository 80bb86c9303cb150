namespace Esf.Infrastructure.Search;

/// <summary>The groupings of Table 30 («Группировка», spec-rest §3.7.1), each an SQL expression over <c>invoices i</c>.</summary>
public enum InvoiceGrouping
{
    Author,
    Contragent,
    IssueDate,
    IssueMonth,
    IssueQuarter,
    IssueYear,
    TurnoverDate,
    TurnoverMonth,
    TurnoverQuarter,
    TurnoverYear,
    ChangeDate,
    ChangeMonth,
    ChangeQuarter,
    ChangeYear,
    Type,
    Status,
}
