using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Warehouse;
using Esf.Api.Rest.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// /api/v1/warehouse-forms: the journal «Журнал Форм». A form, plain JSON or signed, is checked for its shape here (400), stored
/// QUEUED with its upload and decided by the worker through the bus like an invoice: PROCESSED «Обработанный», or ERROR
/// «Ошибочный» with the broken rule as the reason.
/// </summary>
public static class WarehouseFormEndpoints
{
    public static RouteGroupBuilder MapWarehouseFormEndpoints(this RouteGroupBuilder api)
    {
        var forms = api.MapGroup("/warehouse-forms").WithTags("Virtual warehouse");
        forms.MapPost("/", UploadAsync).WithName("UploadWarehouseForm").WithSummary("Upload a form; the worker processes it")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        forms.MapPost("/signed", UploadSignedAsync).WithName("UploadSignedWarehouseForms")
            .WithSummary("Upload signed forms through the upload pipeline; the worker processes them")
            .WithDescription("Each form's body is the JSON of the plain upload (type, number, date, recipientTin, lines), signed exactly as " +
                "sent with the sender's key (version VsFormV1, signatureType COMPANY). Answers like the invoice upload: accepted forms with " +
                "their ids (QUEUED; poll GET /warehouse-forms/{id}), declined ones with their errors. A wrong signature ends the form ERROR " +
                "with VS-40. Repeating a request with the same Idempotency-Key answers the first result.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        forms.MapGet("/", ListAsync).WithName("ListWarehouseForms").WithSummary("The forms the enterprise sent or received, newest first");
        forms.MapGet("/{id:long}", GetAsync).WithName("GetWarehouseForm").WithSummary("One form with its status and the reason of an error")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Accepted<WarehouseFormView>> UploadAsync(WarehouseFormBody body, BearerSession bearer, WarehouseFormUploader uploader,
        CancellationToken ct)
    {
        var stored = await uploader.UploadPlainAsync(bearer.Context, Draft(body), ct);
        return TypedResults.Accepted($"{RestEndpointExtensions.RoutePrefix}/warehouse-forms/{stored.FormId}", WarehouseFormView.From(stored));
    }

    private static async Task<Accepted<UploadResponse>> UploadSignedAsync(UploadWarehouseFormsBody body,
        [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, BearerSession bearer, WarehouseFormUploader uploader, CancellationToken ct)
    {
        var key = IdempotencyKeyHeader.Checked(idempotencyKey);
        var batch = body.ToBatch();
        var result = await uploader.UploadAsync(bearer.Context, batch, [.. batch.Items.Select(i => ReadSigned(i.Body.Text))], key, ct);
        return TypedResults.Accepted((string?)null, UploadResponse.From(result));
    }

    /// <summary>A signed form's body read as the plain upload's JSON, or why it cannot be (the item is then declined, not the upload).</summary>
    private static (WarehouseFormDraft? Draft, string? Problem) ReadSigned(string body)
    {
        try
        {
            var form = System.Text.Json.JsonSerializer.Deserialize<WarehouseFormBody>(body, System.Text.Json.JsonSerializerOptions.Web);
            return form is null ? (null, "the body is not a form") : (Draft(form), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, $"the body is not JSON: {e.Message}");
        }
        catch (EsfException e)
        {
            return (null, e.Message);
        }
    }

    private static async Task<Ok<IReadOnlyList<WarehouseFormView>>> ListAsync(BearerSession bearer, WarehouseForms forms, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WarehouseFormView>>([.. (await forms.ListAsync(bearer.Context, ct)).Select(WarehouseFormView.From)]);

    private static async Task<Ok<WarehouseFormView>> GetAsync(long id, BearerSession bearer, WarehouseForms forms, CancellationToken ct) =>
        TypedResults.Ok(WarehouseFormView.From(await forms.GetAsync(bearer.Context, id, ct)));

    private static WarehouseFormDraft Draft(WarehouseFormBody body)
    {
        RequiredFields.Check(("type", body.Type), ("number", body.Number?.Trim()), ("date", body.Date));
        if (!WarehouseNames.FormKinds.TryParse(body.Type, out var kind))
        {
            throw EsfException.InvalidInput($"type «{body.Type}» is not a form type ({string.Join(", ", WarehouseNames.FormKinds.Codes)}).");
        }

        if (kind == WarehouseFormKind.Reorganization)
        {
            RequiredFields.Check(("recipientTin", body.RecipientTin));
        }

        if (body.Lines is not { Count: > 0 } lines || lines.Any(l => l is null))
        {
            throw EsfException.InvalidInput("lines: a form needs at least one line.");
        }

        var date = RequestDates.RequiredDay(body.Date, "date");
        return new WarehouseFormDraft(kind, body.Number!.Trim(), date, kind == WarehouseFormKind.Reorganization ? body.RecipientTin : null,
            [.. lines.Select((l, i) => Line(kind, l!, $"lines[{i}]"))]);
    }

    private static FormLine Line(WarehouseFormKind kind, WarehouseFormLineBody line, string path)
    {
        if (line.Quantity is not > 0)
        {
            throw EsfException.InvalidInput($"{path}.quantity must be above 0.");
        }

        if (!WarehouseNames.IsReceipt(kind))
        {
            RequiredFields.Check(($"{path}.goodsId", line.GoodsId));
            return new FormLine(null, null, line.GoodsId, line.Quantity.Value);
        }

        RequiredFields.Check(($"{path}.warehouseId", line.WarehouseId), ($"{path}.gsvsCode", line.GsvsCode), ($"{path}.tnvedCode", line.TnvedCode),
            ($"{path}.sourceKind", line.SourceKind), ($"{path}.sourceNumber", line.SourceNumber), ($"{path}.name", line.Name),
            ($"{path}.country", line.Country), ($"{path}.price", line.Price), ($"{path}.unit", line.Unit));
        if (!WarehouseNames.SourceKinds.TryParse(line.SourceKind, out var source))
        {
            throw EsfException.InvalidInput($"{path}.sourceKind «{line.SourceKind}» is not one of {string.Join(", ", WarehouseNames.SourceKinds.Codes)}.");
        }

        if (kind == WarehouseFormKind.Production && (source != GoodsSourceKind.OriginCertificateKz || line.Country != "KZ"))
        {
            throw EsfException.InvalidInput($"{path}: goods produced in Kazakhstan («Производство») have country KZ and sourceKind ST_KZ.");
        }

        if (line.TnvedCode is not { Length: 10 } tnved || !tnved.All(char.IsAsciiDigit) || line.Price < 0)
        {
            throw EsfException.InvalidInput($"{path}: tnvedCode must have 10 digits and price must not be negative.");
        }

        return new FormLine(line.WarehouseId, new GoodsLine(line.GsvsCode!, tnved, source, line.SourceNumber!, line.SourcePosition, line.Name!,
            line.Country!, line.PhysicalMark, line.Price!.Value, line.Unit!), null, line.Quantity.Value);
    }
}
