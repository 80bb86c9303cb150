using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Xml;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// Loads the registry facts a whole batch needs with set-based queries (one per registry, never one per invoice):
/// taxpayers with their head offices, СРП participants, bank accounts, reorganizations, delegations, dictionaries and originals
/// (with the bodies of the additional invoices already registered against them, for ADD-09).
/// </summary>
internal static class RegistrySnapshotLoader
{
    /// <param name="lockOriginals">Lock the originals the batch refers to (the worker's verdict transaction); see <see cref="LoadOriginalsAsync"/>.</param>
    public static async Task<RegistrySnapshot> LoadAsync(
        NpgsqlConnection connection, IReadOnlyList<InvoiceDocument> documents, bool lockOriginals, CancellationToken ct)
    {
        var bodies = documents.Select(d => d.Body).ToList();
        var tins = bodies.SelectMany(b => b.Sellers.SelectMany(s => new[] { s.Tin, s.ReorganizedTin, s.BranchTin })
                .Concat(b.Customers.SelectMany(c => new[] { c.Tin, c.ReorganizedTin, c.BranchTin }))
                .Concat([b.SellerAgentTin, b.CustomerAgentTin, b.Consignor?.Tin, b.Consignee?.Tin]))
            .OfType<string>().Where(t => t.Length > 0).Distinct().ToArray();
        var codes = bodies.SelectMany(b => b.ProductSet.Products.Select(p => p.UnitCode)).OfType<string>().Distinct().ToArray();
        var snapshot = new RegistrySnapshot();

        foreach (var t in await connection.QueryAsync<TaxpayerRow>(new CommandDefinition("""
            SELECT tin AS Tin, deregistered_on IS NULL AS Active, is_resident AS Resident, vat_registered_on AS VatFrom, vat_deregistered_on AS VatTo,
                   head_office_tin AS HeadOffice, vat_certificate_series AS Series, vat_certificate_num AS Num
            FROM taxpayers
            WHERE tin = ANY(@Tins) OR tin IN (SELECT head_office_tin FROM taxpayers WHERE tin = ANY(@Tins))
            """, new { Tins = tins }, cancellationToken: ct)))
        {
            snapshot.Taxpayers[t.Tin] = new TaxpayerFacts(t.Tin, t.Active, t.VatFrom, t.VatTo, t.HeadOffice, t.Series, t.Num)
            {
                IsResident = t.Resident,
            };
        }

        snapshot.SrpParticipants.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT tin FROM srp_participants WHERE tin = ANY(@Tins)", new { Tins = tins }, cancellationToken: ct)));
        foreach (var a in await connection.QueryAsync<(string Tin, string Iik, string Bik, string? Bank)>(new CommandDefinition("""
            SELECT a.tin, a.iik, a.bik, b.name_ru FROM bank_accounts a LEFT JOIN banks b ON b.bik = a.bik WHERE a.tin = ANY(@Tins)
            """, new { Tins = tins }, cancellationToken: ct)))
        {
            snapshot.AccountBiks[(a.Tin, a.Iik)] = a.Bik;
            if (a.Bank is not null)
            {
                snapshot.BankNames[a.Bik] = a.Bank;
            }
        }

        snapshot.HasBankAccounts = snapshot.AccountBiks.Count > 0
            || await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM bank_accounts)", cancellationToken: ct));
        snapshot.Successors.UnionWith(await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT reorganized_tin, successor_tin FROM taxpayer_successors WHERE reorganized_tin = ANY(@Tins)", new { Tins = tins }, cancellationToken: ct)));
        snapshot.Delegations.AddRange(await connection.QueryAsync<(string, string, DateOnly, DateOnly?)>(new CommandDefinition(
            "SELECT liquidated_tin, delegate_tin, valid_from, valid_to FROM branch_delegations WHERE liquidated_tin = ANY(@Tins)",
            new { Tins = tins }, cancellationToken: ct)));
        foreach (var (code, flag) in await connection.QueryAsync<(string, bool)>(new CommandDefinition(
            "SELECT code, is_exemption FROM tnved WHERE code = ANY(@Codes)", new { Codes = codes }, cancellationToken: ct)))
        {
            snapshot.TnvedExemption[code] = flag;
        }

        foreach (var (code, eaeu) in await connection.QueryAsync<(string, bool)>(new CommandDefinition("SELECT code, is_eaeu FROM countries", cancellationToken: ct)))
        {
            snapshot.CountryEaeu[code] = eaeu;
        }

        snapshot.Currencies.UnionWith(await connection.QueryAsync<string>(new CommandDefinition("SELECT code FROM currencies", cancellationToken: ct)));
        snapshot.VatRates.AddRange(await connection.QueryAsync<(int, DateOnly, DateOnly?)>(new CommandDefinition(
            "SELECT rate, valid_from, valid_to FROM vat_rates", cancellationToken: ct)));
        var paperDates = bodies.Select(b => InvoiceBodyReader.ParseDate(b.DatePaper)).OfType<DateOnly>().Distinct().ToArray();
        snapshot.HasOutages = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM outage_dates)", cancellationToken: ct));
        snapshot.OutageDates.UnionWith(await connection.QueryAsync<DateOnly>(new CommandDefinition(
            "SELECT outage_date FROM outage_dates WHERE outage_date = ANY(@Dates)", new { Dates = paperDates }, cancellationToken: ct)));
        // Only invoices issued on a waybill count working days: an ordinary batch makes no extra round trip.
        if (bodies.Any(b => SntBasis.NumberOf(b) is not null))
        {
            snapshot.WorkingDays = await WorkingCalendarStore.LoadAsync(connection, ct);
        }

        await LoadOriginalsAsync(connection, documents, lockOriginals, snapshot, ct);
        return snapshot;
    }

    /// <summary>
    /// The originals the batch's links name, read among the invoices of each link's candidate sellers only (6 and 6.1;
    /// <see cref="Originals"/> decides which one applies), with the bodies of the additional invoices registered against them.
    /// With <paramref name="lockThem"/> (the worker, inside its verdict transaction) they are locked first and read after the
    /// lock, so no concurrent verdict or revocation can change an original between its check and the commit.
    /// </summary>
    private static async Task LoadOriginalsAsync(
        NpgsqlConnection connection, IReadOnlyList<InvoiceDocument> documents, bool lockThem, RegistrySnapshot snapshot, CancellationToken ct)
    {
        var links = documents.Where(d => d.Body.RelatedInvoice is not null)
            .SelectMany(d => Originals.CandidateSellers(d.Body).Select(seller => (Link: d.Body.RelatedInvoice!, Seller: seller))).ToList();
        if (links.Count == 0)
        {
            return;
        }

        var numbers = links.Where(l => !string.IsNullOrWhiteSpace(l.Link.RegistrationNumber))
            .Select(l => (Number: l.Link.RegistrationNumber!.Trim(), l.Seller)).Distinct().ToList();
        var keys = links.Select(l => (l.Seller, l.Link.Num, Date: InvoiceBodyReader.ParseDate(l.Link.Date)))
            .Where(k => k.Num is not null && k.Date is not null).Distinct().ToList();
        const string Named = """
            registration_number IS NOT NULL
              AND ((registration_number, seller_tin) IN (SELECT * FROM unnest(@Numbers, @NumberSellers))
                   OR (seller_tin, num, invoice_date) IN (SELECT * FROM unnest(@Sellers, @Nums, @Dates)))
            """;
        NpgsqlParameter[] Parameters() =>
        [
            new("Numbers", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = numbers.Select(n => n.Number).ToArray() },
            new("NumberSellers", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = numbers.Select(n => n.Seller).ToArray() },
            new("Sellers", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = keys.Select(k => k.Seller).ToArray() },
            new("Nums", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = keys.Select(k => k.Num!).ToArray() },
            new("Dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = keys.Select(k => k.Date!.Value).ToArray() },
        ];

        if (lockThem)
        {
            // In id order, as every other statement that locks several invoices.
            await using var locking = new NpgsqlCommand($"SELECT invoice_id FROM invoices WHERE {Named} ORDER BY invoice_id FOR UPDATE", connection);
            locking.Parameters.AddRange(Parameters());
            await locking.ExecuteNonQueryAsync(ct);
        }

        // A statement started after the lock sees what a concurrent transaction committed while this one waited for it.
        await using var command = new NpgsqlCommand($"""
            SELECT invoice_id, registration_number, status, invoice_type, seller_tin, customer_tin, num, invoice_date, body,
                   ARRAY(SELECT a.body FROM invoices a WHERE a.related_invoice_id = invoices.invoice_id
                         AND a.invoice_type = 'ADDITIONAL_INVOICE' AND a.status IN ('CREATED', 'DELIVERED')) AS additionals
            FROM invoices WHERE {Named}
            """, connection);
        command.Parameters.AddRange(Parameters());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var original = Read(reader);
            snapshot.OriginalsByNumber[reader.GetString(1)] = original;
            snapshot.OriginalsByKey[(original.SellerTin, original.Num, original.Date)] = original;
        }
    }

    /// <summary>One original; a stored body that no longer parses (altered in the database) marks it unreadable instead of failing the batch.</summary>
    private static OriginalInvoice Read(NpgsqlDataReader reader)
    {
        var (document, problem) = StoredInvoiceReader.Read(reader.GetString(8));
        var additionals = reader.GetFieldValue<string[]>(9).Select(StoredInvoiceReader.Read).ToList();
        var unreadableAdditional = additionals.FirstOrDefault(a => a.Document is null).Problem;
        return new OriginalInvoice(reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), DateOnly.FromDateTime(reader.GetDateTime(7)),
            document?.Body.ProductSet.TotalPriceWithTax)
        {
            Body = document?.Body,
            EarlierAdditionalsTotal = additionals.Sum(a => a.Document?.Body.ProductSet.TotalPriceWithTax ?? 0m),
            Unreadable = problem ?? (unreadableAdditional is null ? null : $"дополнительный ЭСФ к нему не читается: {unreadableAdditional}"),
        };
    }

    private sealed record TaxpayerRow(string Tin, bool Active, bool Resident, DateOnly? VatFrom, DateOnly? VatTo, string? HeadOffice, string? Series, string? Num);
}
