using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Esf.Domain.Waybills;
using Esf.Infrastructure;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Bench;

/// <summary>
/// Waybills (СНТ, SntV1, ~7 KB each: ten goods lines of section 1 with ТН ВЭД codes, see <see cref="Body"/>) through the same
/// pipeline as invoices: REST <c>POST /api/v1/snt</c>; done when every waybill above the start id is registered (NOT_VIEWED, its
/// 42-digit number) or FAILED. The gateway has no SOAP upload of waybills yet (docs/snt.md: SntService is not built), so this
/// scenario runs REST only and refuses <c>--soap</c> when the options are read (<see cref="Scenarios.SoapRefusal"/>).
/// </summary>
public sealed class WaybillScenario : IScenario
{
    public const string SoapRefusal = "--scenario waybill runs over REST only: the bench has no SOAP sender for SntService uploadSnt. Drop --soap.";

    private static readonly JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The goods and their ТН ВЭД codes (section 1: goods not subject to the special rules of excise, import or export).</summary>
    private static readonly (string Name, string Tnved)[] Goods =
    [
        ("Бумага офисная А4, 500 листов, белизна 146%", "4802569000"), ("Картридж лазерный для принтера, чёрный", "8443999000"),
        ("Папка-регистратор 75 мм, синяя", "4820300000"), ("Ручка шариковая синяя, упаковка 50 шт.", "9608101000"),
        ("Степлер металлический №24/6 на 50 листов", "8472900000"), ("Кофе зерновой «Арабика», 1 кг", "0901210000"),
        ("Вода питьевая негазированная, 19 л", "2201909000"), ("Монитор 27 дюймов, IPS, 2560×1440", "8528521000"),
        ("Клавиатура проводная с кириллической раскладкой", "8471607000"), ("Кресло офисное на колёсах", "9401310000"),
    ];

    /// <summary>The in-process work of a waybill: WaybillBodyReader, then the row-by-row INSERT of the gateway's WaybillStore.</summary>
    private static readonly InProcessWork<WaybillDocument> Work = new(
        "waybills", body => WaybillBodyReader.Read(body) is { IsValid: true } read ? read.Document : null, InsertAsync);

    public string Name => "waybill";

    public string Documents => "waybills";

    public DoneQueries Done { get; } = new(
        "SELECT coalesce(max(waybill_id), 0) FROM waybills",
        """
        SELECT count(*) FILTER (WHERE registration_number IS NOT NULL)::int, count(*) FILTER (WHERE status = 'FAILED')::int
        FROM waybills WHERE waybill_id > @After
        """,
        """
        SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM h.changed_at - w.input_date)),
               max(h.changed_at)
        FROM waybills w JOIN waybill_status_history h ON h.waybill_id = w.waybill_id AND h.to_status = 'NOT_VIEWED' AND h.from_status = 'IN_QUEUE'
        WHERE w.waybill_id > @After
        """);

    /// <summary>Waybills need nothing in the registry beyond the senders' seller and customer (no bank account: they carry none).</summary>
    public Task PrepareRegistryAsync(NpgsqlDataSource database, IReadOnlyList<Sender> senders, CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<SignedDocument> CreateSigned(IReadOnlyList<Sender> senders, int count, int firstNum) =>
        InvoiceFactory.CreateSigned(senders, count, firstNum, Body);

    public UploadRequest RestUpload(Sender sender, IReadOnlyList<SignedDocument> documents) => new("api/v1/snt", JsonSerializer.SerializeToUtf8Bytes(new
    {
        certificate = sender.CertificateBase64,
        waybills = documents.Select(w => new { body = w.Body, version = "SntV1", signature = w.Signature, signatureType = "COMPANY" }),
    }, Wire));

    /// <summary>The waybill upload answers as the invoice upload does (<c>{uploadId, accepted[], declined[]}</c>).</summary>
    public UploadAnswer ReadRestAnswer(JsonElement answer) => UploadAnswer.FromRest(answer);

    public SoapUpload SoapUpload(Sender sender, string sessionId, IReadOnlyList<SignedDocument> documents) =>
        throw new InvalidOperationException(SoapRefusal);

    public UploadAnswer ReadSoapAnswer(XDocument answer) =>
        throw new InvalidOperationException("--scenario waybill runs over REST only.");

    public Task<LimitResult> MeasureInProcessLimitAsync(
        IReadOnlyList<SignedDocument> documents, int batch, string connectionString, CancellationToken cancellationToken) =>
        InProcessLimit.MeasureAsync(documents, batch, connectionString, Work, cancellationToken);

    /// <summary>A primary waybill of the sender's seller to its customer (consignor and consignee the same), shipped today by road.</summary>
    public static string Body(string num, string date, Sender sender, int seed)
    {
        var products = new StringBuilder();
        for (var line = 0; line < Goods.Length; line++)
        {
            var (quantity, unitPrice, without, nds) = InvoiceFactory.Line(seed, line);
            products.Append(CultureInfo.InvariantCulture, $"""
                      <product>
                        <section>1</section>
                        <position>{line + 1}</position>
                        <truOriginCode>5</truOriginCode>
                        <name>{Goods[line].Name}</name>
                        <tnvedCode>{Goods[line].Tnved}</tnvedCode>
                        <measureUnitCode>796</measureUnitCode>
                        <quantity>{quantity}</quantity>
                        <unitPrice>{InvoiceFactory.Money(unitPrice)}</unitPrice>
                        <priceWithoutTax>{InvoiceFactory.Money(without)}</priceWithoutTax>
                        <ndsRate>12</ndsRate>
                        <ndsAmount>{InvoiceFactory.Money(nds)}</ndsAmount>
                        <priceWithTax>{InvoiceFactory.Money(without + nds)}</priceWithTax>
                        <catalogTruId>1</catalogTruId>
                      </product>

                """);
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <snt:snt xmlns:snt="v1.snt">
              <date>{date}</date>
              <num>СНТ-{num}</num>
              <shippingDate>{date}</shippingDate>
              <type>PRIMARY_SNT</type>
              {Seller("seller", sender)}<countryCode>KZ</countryCode></seller>
              {Customer("customer", sender)}
              {Seller("consignor", sender)}</consignor>
              {Customer("consignee", sender)}
              <shipping>
                <transportType>30</transportType>
                <vehicleNumber>123ABC02</vehicleNumber>
              </shipping>
              <contract>
                <hasContract>true</hasContract>
                <num>Д-77/2025</num>
                <date>01.11.2025</date>
                <deliveryCondition>DAP</deliveryCondition>
                <paymentTerms>Безналичный расчёт</paymentTerms>
              </contract>
              <productSet>
                <currencyCode>KZT</currencyCode>
                <products>
            {products}    </products>
              </productSet>
            </snt:snt>
            """;
    }

    /// <summary>The seller's party element, open: the consignor (34-1) has no country code, the seller (22) has.</summary>
    private static string Seller(string element, Sender sender) =>
        $"<{element}><tin>{sender.SellerTin}</tin><name>ТОО «Поставщик {sender.Index}»</name><address>Казахстан, г. Астана, ул. Кенесары, д. 40</address>";

    /// <summary>The customer's party element: the buyer and, here, the consignee too.</summary>
    private static string Customer(string element, Sender sender) =>
        $"<{element}><tin>{sender.CustomerTin}</tin><name>ТОО «Покупатель {sender.Index}»</name>"
        + $"<address>Казахстан, г. Алматы, пр. Абая, д. 150, офис 12</address><countryCode>KZ</countryCode></{element}>";

    /// <summary>The same INSERT of one row per waybill as the gateway's WaybillStore (without its history row), one transaction per batch.</summary>
    private static async Task InsertAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<SignedDocument> waybills, WaybillDocument[] documents, long firstId,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < waybills.Count; i++)
        {
            var (waybill, document) = (waybills[i], documents[i]);
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO {table} (waybill_id, upload_id, status, num, waybill_date, date_text, waybill_type, seller_tin, customer_tin, sender_tin,
                                     sender_login, body, signature, signature_type, certificate, hash, input_date, last_update_date)
                VALUES ($1, 0, 'IN_QUEUE', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'COMPANY', $12, $13, $14, $14)
                """, connection, transaction);
            foreach (var (value, type) in new (object, NpgsqlDbType)[]
                     {
                         (firstId + i, NpgsqlDbType.Bigint), (document.Body.Num!, NpgsqlDbType.Varchar), (document.Date!.Value, NpgsqlDbType.Date),
                         (document.Body.Date!, NpgsqlDbType.Varchar), (document.Body.Type!, NpgsqlDbType.Varchar), (document.SellerTin!, NpgsqlDbType.Varchar),
                         (document.CustomerTin!, NpgsqlDbType.Varchar), (waybill.Sender.SellerTin, NpgsqlDbType.Varchar),
                         (waybill.Sender.UserIin, NpgsqlDbType.Varchar), (waybill.Body, NpgsqlDbType.Text), (waybill.Signature, NpgsqlDbType.Varchar),
                         (waybill.Sender.CertificateBase64, NpgsqlDbType.Text), (Sha256Hex.Of(waybill.Body), NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz),
                     })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
