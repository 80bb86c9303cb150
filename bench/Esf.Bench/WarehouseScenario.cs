using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Npgsql;

namespace Esf.Bench;

/// <summary>
/// Invoices sold through the virtual warehouse (issue 13): the invoice scenario's bodies, whose first line is goods drawn from
/// the seller's goods line (G3/1, G4, G15, G16, G17 as the Module fills them) and named in the REST upload's
/// <c>warehouseLines</c>; on registration the worker checks the line and moves the goods to the customer's default warehouse.
/// REST only: the SOAP upload (syncInvoice) has no field naming a goods line.
/// </summary>
public sealed class WarehouseScenario : IScenario
{
    public const string ScenarioName = "warehouse";

    /// <summary>Why <c>--soap</c> is refused with this scenario (<see cref="Scenarios.SoapRefusal"/>).</summary>
    public const string SoapRefusal = "--scenario warehouse runs over REST only: syncInvoice cannot name a goods line. Drop --soap.";

    /// <summary>Enough stock that no run of the bench oversells (at most 40 units a line).</summary>
    private const decimal Stock = 1_000_000_000m;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly InvoiceScenario invoices = new();

    /// <summary>Each seller's default warehouse and goods line, made by <see cref="PrepareRegistryAsync"/>.</summary>
    private readonly ConcurrentDictionary<string, (long WarehouseId, long GoodsId)> goodsOf = new(StringComparer.Ordinal);

    public string Name => ScenarioName;

    public string Documents => "invoices";

    public DoneQueries Done => invoices.Done;

    /// <summary>The invoices' registry rows, and per seller a default warehouse holding the wheat, per customer a default warehouse.</summary>
    public async Task PrepareRegistryAsync(NpgsqlDataSource database, IReadOnlyList<Sender> senders, CancellationToken cancellationToken)
    {
        await invoices.PrepareRegistryAsync(database, senders, cancellationToken);
        foreach (var sender in senders.DistinctBy(s => s.SellerTin))
        {
            await using var command = database.CreateCommand($"""
                WITH seller AS (
                    INSERT INTO warehouses (tin, name, location, kind, responsible_tin, is_default, created_at)
                    VALUES (@Seller, 'Центральный склад', 'г. Астана', 'WAREHOUSE', @Seller, true, now()) RETURNING warehouse_id),
                customer AS (
                    INSERT INTO warehouses (tin, name, location, kind, responsible_tin, is_default, created_at)
                    VALUES (@Customer, 'Склад покупателя', 'г. Алматы', 'WAREHOUSE', @Customer, true, now())),
                goods AS (
                    INSERT INTO warehouse_goods (warehouse_id, tin, gsvs_code, tnved_code, source_kind, source_number, source_position, source_name,
                                                 country, price, unit, quantity)
                    SELECT warehouse_id, @Seller, '{Wheat.GsvsCode}', '{Wheat.TnvedCode}', 'DT', '{Wheat.Declaration}', 1, '{Wheat.Name}', 'AR', 300,
                           '796', @Stock FROM seller RETURNING goods_id, warehouse_id),
                receipt AS (
                    INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at)
                    SELECT goods_id, warehouse_id, @Seller, @Stock, 'RECEIPT', 'BENCH', goods_id::text, now() FROM goods)
                SELECT warehouse_id, goods_id FROM goods
                """);
            command.Parameters.AddWithValue("Seller", sender.SellerTin);
            command.Parameters.AddWithValue("Customer", sender.CustomerTin);
            command.Parameters.AddWithValue("Stock", Stock);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            goodsOf[sender.SellerTin] = (reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    public IReadOnlyList<SignedDocument> CreateSigned(IReadOnlyList<Sender> senders, int count, int firstNum) =>
        InvoiceFactory.CreateSigned(senders, count, firstNum, (num, date, sender, seed) => Wheat.Into(InvoiceFactory.Body(num, date, sender, seed)));

    public UploadRequest RestUpload(Sender sender, IReadOnlyList<SignedDocument> documents)
    {
        var (warehouseId, goodsId) = goodsOf[sender.SellerTin];
        return new UploadRequest("api/v1/invoices", JsonSerializer.SerializeToUtf8Bytes(new
        {
            certificate = sender.CertificateBase64,
            invoices = documents.Select(i => new
            {
                body = i.Body, version = "InvoiceV2", signature = i.Signature, signatureType = "COMPANY",
                warehouseLines = new[] { new { line = 1, warehouseId, goodsId } },
            }),
        }, Wire));
    }

    public UploadAnswer ReadRestAnswer(JsonElement answer) => invoices.ReadRestAnswer(answer);

    public SoapUpload SoapUpload(Sender sender, string sessionId, IReadOnlyList<SignedDocument> documents) =>
        throw new NotSupportedException(SoapRefusal);

    public UploadAnswer ReadSoapAnswer(XDocument answer) => invoices.ReadSoapAnswer(answer);

    public Task<LimitResult> MeasureInProcessLimitAsync(
        IReadOnlyList<SignedDocument> documents, int batch, string connectionString, CancellationToken cancellationToken) =>
        invoices.MeasureInProcessLimitAsync(documents, batch, connectionString, cancellationToken);

    /// <summary>The goods line every seller holds (wheat of a ДТ line, unit 796), and how a body's first line is made to sell it.</summary>
    private static class Wheat
    {
        public const string GsvsCode = "01.11.11.01";
        public const string TnvedCode = "1001110000";
        public const string Declaration = "12345/060316/9123456";
        public const string Name = "Пшеница 2 сорт";

        private static readonly Regex FirstLine = new("<product>.*?</product>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        /// <summary>The body with its first line (origin 5 goods) turned into the warehouse's goods, amounts unchanged.</summary>
        public static string Into(string body) => FirstLine.Replace(body, line => line.Value
            .Replace("<catalogTruId>1</catalogTruId>", $"<catalogTruId>{GsvsCode}</catalogTruId>", StringComparison.Ordinal)
            .Replace("<quantity>", $"<productDeclaration>{Declaration}</productDeclaration><productNumberInDeclaration>1</productNumberInDeclaration><quantity>",
                StringComparison.Ordinal)
            .Replace("<truOriginCode>5</truOriginCode>", $"<tnvedName>{Name}</tnvedName><truOriginCode>2</truOriginCode>", StringComparison.Ordinal)
            .Replace("<unitNomenclature>", $"<unitCode>{TnvedCode}</unitCode><unitNomenclature>", StringComparison.Ordinal), 1);
    }
}
