using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Search;

/// <summary>
/// The reports of Table 30: the filtered invoices grouped by one of the 16 groupings, with their count and totals (from the
/// bodies as signed), sorted by the group. Change dates are taken in Kazakhstan time.
/// </summary>
public sealed class InvoiceReport(NpgsqlDataSource database)
{
    public sealed record Row(string Group, long Invoices, decimal TotalWithoutTax, decimal TotalNds, decimal TotalWithTax);

    public static InvoiceGrouping Parse(string? text)
    {
        var normalized = text?.Replace("_", "", StringComparison.Ordinal);
        foreach (var grouping in Enum.GetValues<InvoiceGrouping>())
        {
            if (grouping.ToString().Equals(normalized, StringComparison.OrdinalIgnoreCase))
            {
                return grouping;
            }
        }

        throw EsfException.InvalidInput($"groupBy «{text}» is not one of {string.Join(", ", Enum.GetValues<InvoiceGrouping>())}.");
    }

    public async Task<IReadOnlyList<Row>> GroupAsync(
        SessionContext session, InvoiceFilter filter, InvoiceGrouping grouping, bool ascending, CancellationToken cancellationToken)
    {
        var (where, parameters) = InvoiceFilterSql.Build(session, filter);
        parameters.Add("KazakhstanOffset", KazakhstanTime.Offset);
        var group = Expression(grouping);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT coalesce(({group})::text, '') AS "group", count(*) AS invoices,
                   sum({BodyXPath.Number("productSet/totalPriceWithoutTax")}) AS total_without_tax,
                   sum({BodyXPath.Number("productSet/totalNdsAmount")}) AS total_nds,
                   sum({BodyXPath.Number("productSet/totalPriceWithTax")}) AS total_with_tax
            FROM invoices i WHERE {where}
            GROUP BY 1 ORDER BY 1 {(ascending ? "ASC" : "DESC")}
            """, parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private static string Expression(InvoiceGrouping grouping)
    {
        // The same fixed UTC+5 as the registration day in C# (KazakhstanTime), passed as an interval, never the server's tzdata:
        // a PostgreSQL with tzdata older than 2024a still puts Asia/Almaty at UTC+6.
        const string Changed = "(i.last_update_date AT TIME ZONE @KazakhstanOffset)";
        return grouping switch
        {
            InvoiceGrouping.Author => "i.sender_login",
            InvoiceGrouping.Contragent => "CASE WHEN i.customer_tin = @Tin THEN i.seller_tin ELSE i.customer_tin END",
            InvoiceGrouping.IssueDate => "to_char(i.invoice_date, 'YYYY-MM-DD')",
            InvoiceGrouping.IssueMonth => "to_char(i.invoice_date, 'YYYY-MM')",
            InvoiceGrouping.IssueQuarter => "to_char(i.invoice_date, 'YYYY-\"Q\"Q')",
            InvoiceGrouping.IssueYear => "to_char(i.invoice_date, 'YYYY')",
            InvoiceGrouping.TurnoverDate => "to_char(i.turnover_date, 'YYYY-MM-DD')",
            InvoiceGrouping.TurnoverMonth => "to_char(i.turnover_date, 'YYYY-MM')",
            InvoiceGrouping.TurnoverQuarter => "to_char(i.turnover_date, 'YYYY-\"Q\"Q')",
            InvoiceGrouping.TurnoverYear => "to_char(i.turnover_date, 'YYYY')",
            InvoiceGrouping.ChangeDate => $"to_char({Changed}, 'YYYY-MM-DD')",
            InvoiceGrouping.ChangeMonth => $"to_char({Changed}, 'YYYY-MM')",
            InvoiceGrouping.ChangeQuarter => $"to_char({Changed}, 'YYYY-\"Q\"Q')",
            InvoiceGrouping.ChangeYear => $"to_char({Changed}, 'YYYY')",
            InvoiceGrouping.Type => "i.invoice_type",
            _ => "i.status",
        };
    }
}
