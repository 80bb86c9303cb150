using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Registry;

/// <summary>
/// Imports a registry from CSV (header line = column names): each line is checked on its own and rejected by its line number,
/// the good ones are copied (binary COPY) into a temporary staging table and upserted by the registry's key in one transaction,
/// so importing the same file twice changes nothing. A key repeated in one file: the last line wins. Importing taxpayers also
/// annuls, in the same transaction, the invoices a deregistration makes void (GEN-08, <see cref="DeregistrationAnnuller"/>).
/// </summary>
public sealed class RegistryImporter(NpgsqlDataSource database, TimeProvider clock, Warehouse.InvoiceGoods goods)
{
    /// <summary>The operator's import: every good line is inserted or replaces the row with its key.</summary>
    public Task<RegistryImportReport> ImportAsync(RegistryTable table, string csv, CancellationToken cancellationToken) =>
        ImportAsync(table, csv, overwrite: true, cancellationToken);

    /// <summary>The demo seed's import: only rows whose key is missing are added, so an operator's rows are never overwritten.</summary>
    public Task<RegistryImportReport> AddMissingAsync(RegistryTable table, string csv, CancellationToken cancellationToken) =>
        ImportAsync(table, csv, overwrite: false, cancellationToken);

    private async Task<RegistryImportReport> ImportAsync(RegistryTable table, string csv, bool overwrite, CancellationToken cancellationToken)
    {
        var (columns, lines, rejected) = Parse(table, csv);
        if (table.Table == "branch_delegations" && lines.Count > 0)
        {
            lines = await DelegationCheck.KeepValidAsync(database, columns, lines, rejected, cancellationToken);
        }

        var rows = lines.Select(l => l.Row).ToList();
        var annulled = columns.Count > 0 && rows.Count > 0 ? await UpsertAsync(table, columns, rows, overwrite, cancellationToken) : 0;
        return new RegistryImportReport(table.Name, rows.Count, [.. rejected.OrderBy(r => r.Line)]) { AnnulledInvoices = annulled };
    }

    private static (List<RegistryColumn> Columns, List<(int Line, object?[] Row)> Rows, List<RejectedLine> Rejected) Parse(RegistryTable table, string csv)
    {
        var rejected = new List<RejectedLine>();
        var records = CsvLines.Read(csv.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0 || records[0].Fields is not { } header)
        {
            return ([], [], [new RejectedLine(1, "the header line is missing")]);
        }

        // A column named twice would reach the staging table's SELECT twice (L10): the file is malformed as a whole.
        if (header.Select(h => h.Trim()).GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw EsfException.InvalidInput($"The header line names the column «{repeated.Key}» more than once.");
        }

        var columns = header.Select(h => table.Column(h.Trim())).ToList();
        var unknown = header.Where((h, i) => columns[i] is null).ToList();
        var missing = table.Columns.Where(c => c.Required && !header.Select(h => h.Trim()).Contains(c.Name)).Select(c => c.Name).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var reason = string.Join("; ", new[]
            {
                unknown.Count > 0 ? $"unknown columns: {string.Join(", ", unknown)}" : null,
                missing.Count > 0 ? $"missing required columns: {string.Join(", ", missing)}" : null,
            }.OfType<string>());
            return ([], [], [new RejectedLine(1, reason)]);
        }

        var known = columns.OfType<RegistryColumn>().ToList();
        var byKey = new Dictionary<string, (int Line, object?[] Row)>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (Row(known, fields, out var error) is { } row)
            {
                var key = string.Join('\u001f', table.Key.Select(k => Convert.ToString(row[known.FindIndex(c => c.Name == k)], System.Globalization.CultureInfo.InvariantCulture)));
                byKey[key] = (line, row);
            }
            else
            {
                rejected.Add(new RejectedLine(line, error!));
            }
        }

        return (known, byKey.Values.ToList(), rejected);
    }

    private static object?[]? Row(List<RegistryColumn> columns, List<string>? fields, out string? error)
    {
        error = null;
        if (fields is null || fields.Count != columns.Count)
        {
            error = fields is null ? "unterminated quoted field" : $"expected {columns.Count} fields, found {fields.Count}";
            return null;
        }

        var row = new object?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (!RegistryValues.TryConvert(columns[i], fields[i], out row[i], out error))
            {
                return null;
            }
        }

        return row;
    }

    private async Task<int> UpsertAsync(
        RegistryTable table, List<RegistryColumn> columns, List<object?[]> rows, bool overwrite, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var updates = columns.Where(c => !table.Key.Contains(c.Name)).Select(c => $"{c.Name} = EXCLUDED.{c.Name}").ToList();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE registry_stage ON COMMIT DROP AS SELECT {names} FROM {table.Table} WITH NO DATA", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY registry_stage ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    await copy.WriteAsync(row[i] ?? DBNull.Value, RegistryValues.DbType(columns[i].Type), cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var conflict = !overwrite || updates.Count == 0 ? "DO NOTHING" : $"DO UPDATE SET {string.Join(", ", updates)}";
        await using (var upsert = new NpgsqlCommand(
            $"INSERT INTO {table.Table} ({names}) SELECT {names} FROM registry_stage ON CONFLICT ({string.Join(", ", table.Key)}) {conflict}",
            connection, transaction))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        var annulled = table.Table == "taxpayers" ? await DeregistrationAnnuller.AnnulAsync(connection, transaction, goods, clock.GetUtcNow(), cancellationToken) : 0;
        await transaction.CommitAsync(cancellationToken);
        return annulled;
    }
}
