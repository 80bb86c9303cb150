using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Npgsql;

namespace Esf.Bench;

/// <summary>
/// Invoices (InvoiceV2, ~6.9 KB each, see <see cref="InvoiceFactory"/>): REST <c>POST /api/v1/invoices</c>, SOAP
/// <c>UploadInvoiceService</c> syncInvoice; done when every invoice above the start id is CREATED or FAILED.
/// </summary>
public sealed class InvoiceScenario : IScenario
{
    /// <summary>Raw UTF-8 Cyrillic as Java/Python clients send it, rather than System.Text.Json's default \uXXXX escapes.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => Scenarios.Default;

    public string Documents => "invoices";

    public DoneQueries Done { get; } = new(
        "SELECT coalesce(max(invoice_id), 0) FROM invoices",
        """
        SELECT count(*) FILTER (WHERE status = 'CREATED')::int, count(*) FILTER (WHERE status = 'FAILED')::int
        FROM invoices WHERE invoice_id > @After
        """,
        """
        SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM h.changed_at - i.input_date)),
               max(h.changed_at)
        FROM invoices i JOIN invoice_status_history h ON h.invoice_id = i.invoice_id AND h.to_status = 'CREATED'
        WHERE i.invoice_id > @After
        """);

    public Task PrepareRegistryAsync(NpgsqlDataSource database, IReadOnlyList<Sender> senders, CancellationToken cancellationToken) =>
        InvoiceFactory.RegisterBankAccountsAsync(database, senders, cancellationToken);

    public IReadOnlyList<SignedDocument> CreateSigned(IReadOnlyList<Sender> senders, int count, int firstNum) =>
        InvoiceFactory.CreateSigned(senders, count, firstNum);

    public UploadRequest RestUpload(Sender sender, IReadOnlyList<SignedDocument> documents) => new("api/v1/invoices", JsonSerializer.SerializeToUtf8Bytes(new
    {
        certificate = sender.CertificateBase64,
        invoices = documents.Select(i => new { body = i.Body, version = "InvoiceV2", signature = i.Signature, signatureType = "COMPANY" }),
    }, Wire));

    public UploadAnswer ReadRestAnswer(JsonElement answer) => UploadAnswer.FromRest(answer);

    public SoapUpload SoapUpload(Sender sender, string sessionId, IReadOnlyList<SignedDocument> documents)
    {
        var request = new StringBuilder($"<esf:syncInvoiceRequest><sessionId>{SoapSender.Escape(sessionId)}</sessionId><invoiceUploadInfoList>");
        foreach (var invoice in documents)
        {
            request.Append("<invoiceUploadInfo><invoiceBody>").Append(SoapSender.Escape(invoice.Body))
                .Append("</invoiceBody><version>InvoiceV2</version><signature>").Append(invoice.Signature)
                .Append("</signature><signatureType>COMPANY</signatureType></invoiceUploadInfo>");
        }

        request.Append($"</invoiceUploadInfoList><x509Certificate>{sender.CertificateBase64}</x509Certificate></esf:syncInvoiceRequest>");
        return new SoapUpload("UploadInvoiceService", request.ToString());
    }

    public UploadAnswer ReadSoapAnswer(XDocument answer)
    {
        var accepted = answer.Descendants("acceptedSet").Elements("standardResponse").Count(r => r.Element("id") is not null);
        var declined = answer.Descendants("declinedSet").Elements("standardResponse").ToList();
        return new UploadAnswer(accepted, declined.Count, declined.Count > 0 ? declined[0].ToString(SaveOptions.DisableFormatting) : null);
    }

    public Task<LimitResult> MeasureInProcessLimitAsync(
        IReadOnlyList<SignedDocument> documents, int batch, string connectionString, CancellationToken cancellationToken) =>
        InProcessLimit.MeasureAsync(documents, batch, connectionString, InProcessLimit.Invoices, cancellationToken);
}
