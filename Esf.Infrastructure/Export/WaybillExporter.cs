using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Esf.Domain.Calendar;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;

namespace Esf.Infrastructure.Export;

/// <summary>
/// GET /api/v1/snt/export (ADR 0031): the waybills (СНТ) of a search (<see cref="WaybillSearch"/>, the filters of GET /api/v1/snt)
/// in the formats of the invoice export, with the same writers: an esf:sntContainer of registered bodies (XML), JSON Lines, or
/// CSV with one row per goods line. Read in id-keyed pages of <see cref="BatchSize"/> through <see cref="WaybillQueries"/>, so
/// the tenant predicate (<see cref="WaybillVisibility"/>) is the search's; each waybill's cursor is its id, passed back as
/// <c>after</c> to resume.
/// </summary>
public sealed class WaybillExporter
{
    /// <summary>Waybills per page: the most the search answers at once.</summary>
    public const int BatchSize = WaybillQueries.MaxPageSize;

    private readonly WaybillQueries queries;
    private readonly int batchSize;

    public WaybillExporter(WaybillQueries queries)
        : this(queries, BatchSize)
    {
    }

    /// <param name="batchSize">
    /// Smaller pages let tests cross page ends with a few waybills. Never above <see cref="WaybillQueries.MaxPageSize"/>: the search
    /// would clamp the page, it would never be full, and the export would end after it.
    /// </param>
    internal WaybillExporter(WaybillQueries queries, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, WaybillQueries.MaxPageSize);
        (this.queries, this.batchSize) = (queries, batchSize);
    }

    private static readonly ContainerShape<WaybillRecord> Container = new("sntContainer", "sntSet", w => Encoding.UTF8.GetBytes(w.Body));

    /// <summary>The goods line fields of SntV1 (productSet/products/product).</summary>
    private static readonly string[] GoodsFields =
    [
        "position", "section", "truOriginCode", "name", "tnvedCode", "measureUnitCode", "quantity", "unitPrice", "priceWithoutTax",
        "exciseRate", "exciseAmount", "ndsRate", "ndsAmount", "priceWithTax", "productDeclaration", "productNumberInDeclaration", "catalogTruId",
    ];

    private static readonly CsvShape<WaybillRecord> Csv = new(
        ["waybillId", "registrationNumber", "status", "num", "date", "waybillType", "relatedRegistrationNumber", "sellerTin", "customerTin",
            "currencyCode"],
        (waybill, currency) =>
        [
            waybill.WaybillId.ToString(CultureInfo.InvariantCulture), waybill.RegistrationNumber, waybill.Status, waybill.Num, waybill.DateText,
            waybill.WaybillType, waybill.RelatedRegistrationNumber, waybill.SellerTin, waybill.CustomerTin, currency,
        ],
        GoodsFields,
        w => w.Body);

    /// <returns>How many waybills were written.</returns>
    public async Task<long> WriteAsync(Stream output, SessionContext session, WaybillSearch search, ExportFormat format, CancellationToken cancellationToken)
    {
        await using IExportWriter<WaybillRecord> writer = format switch
        {
            ExportFormat.Xml => new ContainerExportWriter<WaybillRecord>(output, Container),
            ExportFormat.JsonLines => new JsonLinesExportWriter<WaybillRecord>(output, WriteJson),
            ExportFormat.Csv => new CsvExportWriter<WaybillRecord>(output, Csv),
            _ => throw Errors.EsfException.InvalidInput("waybills are exported as xml, jsonl or csv."),
        };

        // The container carries bodies and no status: a queued or FAILED body must not pass for a registered waybill there.
        return await ExportLoop.WriteAsync(writer, ReadAsync(session, search, format == ExportFormat.Xml, cancellationToken), batchSize);
    }

    private async IAsyncEnumerable<(WaybillRecord, string)> ReadAsync(
        SessionContext session, WaybillSearch search, bool registeredOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Paged on every waybill the search found, before the container drops the unregistered ones, so a page they thin out still
        // reads as full. A last page that is exactly full costs one more, empty, read (as the invoice export does).
        var waybills = PagesReadAhead.ReadRowsAsync<WaybillRecord>(
            (previous, token) => queries.SearchAsync(session, search with { AfterId = previous is null ? search.AfterId : previous[^1].WaybillId, Limit = batchSize }, token),
            batchSize, cancellationToken);
        await foreach (var waybill in waybills)
        {
            if (!registeredOnly || waybill.RegistrationNumber is not null)
            {
                yield return (waybill, waybill.WaybillId.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The waybill as stored: its columns and the body as signed.</summary>
    private static void WriteJson(Utf8JsonWriter writer, WaybillRecord waybill)
    {
        writer.WriteNumber("id", waybill.WaybillId);
        writer.WriteString("status", waybill.Status);
        writer.WriteString("registrationNumber", waybill.RegistrationNumber);
        writer.WriteString("num", waybill.Num);
        writer.WriteString("date", DayFormats.ToIso(waybill.DateText));
        writer.WriteString("waybillType", waybill.WaybillType);
        writer.WriteString("relatedRegistrationNumber", waybill.RelatedRegistrationNumber);
        writer.WriteString("sellerTin", waybill.SellerTin);
        writer.WriteString("customerTin", waybill.CustomerTin);
        writer.WriteString("cancelReason", waybill.CancelReason);
        writer.WriteString("inputDate", DateTime.SpecifyKind(waybill.InputDate, DateTimeKind.Utc));
        writer.WriteString("lastUpdateDate", DateTime.SpecifyKind(waybill.LastUpdateDate, DateTimeKind.Utc));
        writer.WriteString("body", waybill.Body);
    }
}
