using System.Text.Json;
using System.Xml.Linq;
using Npgsql;

namespace Esf.Bench;

/// <summary>
/// What one kind of document needs from the bench: the signed documents, the upload request of a batch over each protocol,
/// what the answer says, the SQL that tells when the documents are done, and the in-process work of one document.
/// The scenarios are the invoice, the waybill (СНТ, <see cref="WaybillScenario"/>) and the virtual warehouse's invoices
/// (<see cref="WarehouseScenario"/>), chosen by name in <see cref="Scenarios"/>.
/// </summary>
public interface IScenario
{
    /// <summary>The <c>--scenario</c> name, e.g. "invoice".</summary>
    string Name { get; }

    /// <summary>The plural shown in the report, e.g. "invoices".</summary>
    string Documents { get; }

    /// <summary>Registry rows the documents' rules need besides the senders (e.g. the invoices' bank account).</summary>
    Task PrepareRegistryAsync(NpgsqlDataSource database, IReadOnlyList<Sender> senders, CancellationToken cancellationToken);

    /// <summary>Builds and signs <paramref name="count"/> documents, sender by sender in turn, numbered from <paramref name="firstNum"/>.</summary>
    IReadOnlyList<SignedDocument> CreateSigned(IReadOnlyList<Sender> senders, int count, int firstNum);

    /// <summary>The REST upload of one sender's batch.</summary>
    UploadRequest RestUpload(Sender sender, IReadOnlyList<SignedDocument> documents);

    UploadAnswer ReadRestAnswer(JsonElement answer);

    /// <summary>The SOAP upload of one sender's batch: the service and the request element inside the envelope's Body.</summary>
    SoapUpload SoapUpload(Sender sender, string sessionId, IReadOnlyList<SignedDocument> documents);

    UploadAnswer ReadSoapAnswer(XDocument answer);

    /// <summary>The "done" queries: how far the registration of the documents after an id has got.</summary>
    DoneQueries Done { get; }

    /// <summary>The pipeline's per-document work in this process (see <see cref="LimitResult"/>).</summary>
    Task<LimitResult> MeasureInProcessLimitAsync(
        IReadOnlyList<SignedDocument> documents, int batch, string connectionString, CancellationToken cancellationToken);
}

/// <summary>A document ready to send: the body exactly as signed and its Base64 RSA-SHA256 signature (of the UTF-8 body).</summary>
public sealed record SignedDocument(Sender Sender, string Num, string Body, string Signature);

/// <summary>One REST upload: the path (relative to the gateway) and the request body (JSON, UTF-8).</summary>
public sealed record UploadRequest(string Path, byte[] Body);

/// <summary>One SOAP upload: the service under <c>esf-web/ws/api1/</c> and the request element (the envelope is the sender's).</summary>
public sealed record SoapUpload(string Service, string Request);

/// <summary>What the gateway answered to one upload; <paramref name="FirstDeclined"/> shows why, when it declined any.</summary>
public sealed record UploadAnswer(int Accepted, int Declined, string? FirstDeclined)
{
    /// <summary>The REST upload answer every document kind shares: <c>{uploadId, accepted[], declined[]}</c>.</summary>
    public static UploadAnswer FromRest(JsonElement answer)
    {
        var declined = answer.GetProperty("declined");
        return new UploadAnswer(answer.GetProperty("accepted").GetArrayLength(), declined.GetArrayLength(),
            declined.GetArrayLength() > 0 ? declined[0].ToString() : null);
    }
}

/// <summary>
/// SQL over the documents with an id above <c>@After</c>: <paramref name="MaxId"/> the highest id so far (no parameter);
/// <paramref name="Counts"/> one row (registered int, failed int); <paramref name="Latencies"/> one row (double precision[] of the
/// p50, p95 and p99 seconds from stored to registered, timestamptz of the last registration), NULLs when none is registered.
/// </summary>
public sealed record DoneQueries(string MaxId, string Counts, string Latencies);
