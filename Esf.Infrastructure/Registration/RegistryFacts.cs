using Esf.Domain.Invoices;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Infrastructure.Waybills;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The one loader of the registry facts the registration rules read, shared by the worker and the dry run so both judge on
/// the same facts: known taxpayers, the numbers already taken, the registry snapshot with the originals the invoices refer to,
/// and the sellers' powers of attorney. Set-based queries per batch, never one per invoice. Every lookup is keyed by the
/// invoices' own sellers (and the predecessors <see cref="Domain.Rules.Registration.Originals"/> may accept), so a caller whose
/// seller was checked at upload sees only its own invoices.
/// </summary>
internal static class RegistryFacts
{
    /// <param name="registrationDay">Today in Kazakhstan time: the day the rules judge authority and dates on.</param>
    /// <param name="lockOriginals">Lock the originals for the caller's transaction (the worker's verdicts; see <see cref="RegistrySnapshotLoader"/>).</param>
    public static async Task<BatchRegistryView> LoadAsync(
        NpgsqlConnection connection, IReadOnlyList<InvoiceDocument> documents, DateOnly registrationDay, bool lockOriginals, CancellationToken ct)
    {
        var tins = documents.SelectMany(d => d.Sellers.Concat(d.Customers)).Select(p => p.Tin).OfType<string>().Distinct().ToArray();
        var keys = documents.Where(d => d.SellerTin is not null && d.Date is not null)
            .Select(d => (d.SellerTin!, d.Num, d.Date!.Value)).Distinct().ToList();
        var sellers = documents.Select(d => d.SellerTin).OfType<string>().Distinct().ToArray();
        // Only invoices issued on a waybill (32.1 a 42-digit number) need one: a batch without any makes no query for them.
        var waybillNumbers = documents.Select(d => SntBasis.NumberOf(d.Body)).OfType<string>().Distinct().ToArray();
        return new BatchRegistryView(
            await RegistrationStore.KnownTaxpayersAsync(connection, tins, ct),
            await RegistrationStore.TakenNumbersAsync(connection, keys, ct),
            await RegistrySnapshotLoader.LoadAsync(connection, documents, lockOriginals, ct),
            registrationDay,
            await Participants.PowerOfAttorneyStore.ValidForAsync(connection, sellers, ct),
            await WaybillRegistryView.LoadAsync(connection, waybillNumbers, sellers, [], lockRows: false, ct),
            await Procurement.ProcurementFacts.LoadAsync(connection, documents, ct));
    }
}
