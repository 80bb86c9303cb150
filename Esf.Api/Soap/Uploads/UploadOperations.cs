using Esf.Api.Soap.Contracts;
using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Soap.Uploads;

/// <summary>UploadInvoiceService.syncInvoice: hands the batch to <see cref="InvoiceUploader"/> and reports each invoice.</summary>
public sealed class UploadOperations(SessionService sessions, InvoiceUploader uploader)
{
    /// <summary>The real UploadInvoiceService writes the "esf" namespace with prefix esf (esf-api-facts §1).</summary>
    public static SoapServiceDefinition Define() => new SoapServiceDefinition("UploadInvoiceService", "esf")
        .Map<SyncInvoiceRequest, SyncInvoiceResponse>(
            "syncInvoiceRequest", "syncInvoiceResponse", (r, c) => c.Get<UploadOperations>().SyncInvoiceAsync(r, c));

    private async Task<SyncInvoiceResponse> SyncInvoiceAsync(SyncInvoiceRequest request, SoapCall call)
    {
        var session = await sessions.RequireAsync(request.SessionId, call.CancellationToken);
        var infos = request.InvoiceUploadInfoList!;
        if (infos.Count == 0)
        {
            throw EsfException.Business("invoiceUploadInfoList is empty: send at least one invoiceUploadInfo.");
        }

        // The envelope's XML decoding (any encoding its declaration names) gave the body as text: encoded to UTF-8 once, here.
        var batch = new UploadBatch(
            [.. infos.Select(i => new UploadItem(Utf8Body.FromText(i.InvoiceBody!), i.Version!, i.Signature!, i.SignatureType!))],
            request.X509Certificate!);
        var result = await uploader.UploadAsync(session, batch, "SOAP", null, call.CancellationToken);
        return new SyncInvoiceResponse
        {
            AcceptedSet = [.. result.Accepted.Select(ToStandardResponse)],
            DeclinedSet = [.. result.Declined.Select(ToStandardResponse)],
        };
    }

    private static StandardResponse ToStandardResponse(UploadItemResult item) => new()
    {
        Errors = ErrorContract.ListOrNull(item.Errors),
        Id = item.InvoiceId,
        Num = item.Num,
        Date = item.Date,
    };
}
