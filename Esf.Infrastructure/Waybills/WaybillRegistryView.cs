using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// <see cref="IWaybillView"/> over the database, loaded for one batch (of invoices or of waybills) with a few set-based queries,
/// plus what the batch registers as it goes: the numbers its waybills take, the primaries they annul and the invoices issued on
/// a waybill. Only waybills the batch's own sellers deal in (as seller or buyer) are loaded, so a rule never reads another
/// enterprise's waybill (ADR 0003, 0024).
/// </summary>
internal sealed class WaybillRegistryView : IWaybillView
{
    private readonly Dictionary<string, RegisteredWaybill> byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> ids = new(StringComparer.Ordinal);
    private readonly HashSet<(string Seller, string Num, DateOnly Date)> taken = [];

    public RegisteredWaybill? Find(string registrationNumber) => byNumber.GetValueOrDefault(registrationNumber);

    public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => taken.Contains((sellerTin, num, date));

    /// <summary>The stored id of a registered waybill of the view.</summary>
    public long? IdOf(string registrationNumber) => ids.TryGetValue(registrationNumber, out var id) ? id : null;

    /// <summary>A waybill of this batch was registered: its number and date are taken for the rest of the batch.</summary>
    public void Take(WaybillDocument document) => taken.Add((document.SellerTin!, document.Body.Num!, document.Date!.Value));

    /// <summary>A waybill of the view changed status in this batch (a primary annulled by its corrected waybill).</summary>
    public void Move(string registrationNumber, WaybillStatus status) => byNumber[registrationNumber] = byNumber[registrationNumber] with { Status = status };

    /// <summary>An invoice of this batch issued on the waybill passed: it counts for the next invoice on it (R004).</summary>
    public void Link(string registrationNumber, LinkedInvoice invoice)
    {
        if (byNumber.TryGetValue(registrationNumber, out var waybill))
        {
            byNumber[registrationNumber] = waybill with { Invoices = [.. waybill.Invoices, invoice] };
        }
    }

    /// <param name="numbers">The registration numbers the batch names (invoices' 32.1, waybills' relatedSnt).</param>
    /// <param name="sellers">The batch's sellers, checked at upload: only waybills they sell or buy on are loaded.</param>
    /// <param name="keys">The (seller, number, date) of the batch's waybills, for SNT-W08.</param>
    /// <param name="lockRows">Lock the waybills named (the worker's verdict on corrected and return waybills, after the batch's own rows).</param>
    public static async Task<WaybillRegistryView> LoadAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> numbers, IReadOnlyCollection<string> sellers,
        IReadOnlyCollection<(string Seller, string Num, DateOnly Date)> keys, bool lockRows, CancellationToken cancellationToken)
    {
        var view = new WaybillRegistryView();
        if (numbers.Count > 0)
        {
            await view.LoadNamedAsync(connection, numbers, sellers, lockRows, cancellationToken);
        }

        if (keys.Count > 0)
        {
            view.taken.UnionWith(await connection.QueryAsync<(string, string, DateOnly)>(new CommandDefinition("""
                SELECT w.seller_tin, w.num, w.waybill_date
                FROM waybills w JOIN unnest(@Sellers, @Nums, @Dates) AS k(seller_tin, num, waybill_date)
                  ON w.seller_tin = k.seller_tin AND w.num = k.num AND w.waybill_date = k.waybill_date
                WHERE w.registration_number IS NOT NULL
                """, new
            {
                Sellers = keys.Select(k => k.Seller).ToArray(),
                Nums = keys.Select(k => k.Num).ToArray(),
                Dates = keys.Select(k => k.Date).ToArray(),
            }, cancellationToken: cancellationToken)));
        }

        return view;
    }

    /// <summary>The waybills named, and the waybill each of them corrects or returns (R007 reads a corrected waybill's primary), with their invoices.</summary>
    private async Task LoadNamedAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> numbers, IReadOnlyCollection<string> sellers, bool lockRows, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<NamedWaybill>(new CommandDefinition($"""
            WITH named AS (
                SELECT waybill_id, related_waybill_id FROM waybills
                WHERE registration_number = ANY(@Numbers) AND (seller_tin = ANY(@Sellers) OR customer_tin = ANY(@Sellers)))
            SELECT w.waybill_id AS WaybillId, w.registration_number AS RegistrationNumber, w.status AS Status, w.body AS Body, w.declined_on AS DeclinedOn
            FROM waybills w
            WHERE w.waybill_id IN (SELECT waybill_id FROM named UNION SELECT related_waybill_id FROM named)
            ORDER BY w.waybill_id {(lockRows ? "FOR UPDATE" : "")}
            """, new { Numbers = numbers.ToArray(), Sellers = sellers.ToArray() }, cancellationToken: cancellationToken))).ToList();
        var invoices = (await connection.QueryAsync<LinkedRow>(new CommandDefinition("""
            SELECT i.waybill_number AS WaybillNumber, i.registration_number AS RegistrationNumber, i.num AS Num, i.invoice_date AS Date,
                   i.invoice_type AS Type, i.status AS Status
            FROM invoices i
            WHERE i.waybill_number = ANY(@Numbers) AND i.registration_number IS NOT NULL
            """, new { Numbers = rows.Select(r => r.RegistrationNumber).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.WaybillNumber);
        foreach (var row in rows)
        {
            ids[row.RegistrationNumber] = row.WaybillId;
            byNumber[row.RegistrationNumber] = new RegisteredWaybill(
                new WaybillDocument(WaybillXmlParser.Parse(row.Body)) { RegistrationNumber = row.RegistrationNumber },
                WaybillStatusNames.Parse(row.Status))
            {
                DeclinedOn = row.DeclinedOn,
                Invoices = [.. invoices[row.RegistrationNumber].Select(i => i.ToLinked())],
            };
        }
    }

    private sealed record NamedWaybill(long WaybillId, string RegistrationNumber, string Status, string Body, DateOnly? DeclinedOn);

    private sealed record LinkedRow(string WaybillNumber, string RegistrationNumber, string Num, DateOnly Date, string Type, string Status)
    {
        public LinkedInvoice ToLinked() => new(RegistrationNumber, Num, Date, InvoiceTypeNames.Parse(Type), InvoiceStatusNames.Parse(Status));
    }
}
