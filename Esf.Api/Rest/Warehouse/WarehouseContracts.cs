using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// The form «Создание виртуального склада»: name, optional parent, location, type (<c>WAREHOUSE</c> «Склад» or
/// <c>SALES_POINT</c> «Точка продаж»), the responsible person's 12-digit ИИН/БИН and the inheritance flag.
/// </summary>
public sealed record WarehouseBody(string? Name, long? ParentId, string? Location, string? Type, string? ResponsibleTin, bool Inheritable = false);

/// <summary>A warehouse as the journal «Склады» shows it, with its type's Russian label.</summary>
public sealed record WarehouseView(
    long Id, string Name, long? ParentId, string Location, string Type, string TypeLabel, string ResponsibleTin, bool Inheritable, bool IsDefault)
{
    public static WarehouseView From(WarehouseRecord w) => new(w.WarehouseId, w.Name, w.ParentId, w.Location, w.Kind,
        WarehouseNames.Kinds.TryParse(w.Kind, out var kind) ? WarehouseNames.Kinds.Label(kind) : w.Kind, w.ResponsibleTin, w.Inheritable, w.IsDefault);
}

/// <summary>Moving goods to another warehouse of the enterprise: the goods line, the target warehouse and the quantity.</summary>
public sealed record TransferBody(long? GoodsId, long? ToWarehouseId, decimal? Quantity);

/// <summary>
/// A warehouse form: <c>type</c> REMAINS «Остатки», PRODUCTION «Производство», REORGANIZATION «Реорганизация» (with
/// <c>recipientTin</c>) or WRITE_OFF «Списание»; its number and date, and its lines.
/// </summary>
public sealed record WarehouseFormBody(string? Type, string? Number, string? Date, string? RecipientTin, List<WarehouseFormLineBody?>? Lines);

/// <summary>
/// A form line. Receipt forms (REMAINS, PRODUCTION): <c>warehouseId</c>, the goods (gsvsCode, tnvedCode, sourceKind DT/FNO_328/ST_KZ/ST_1,
/// sourceNumber, sourcePosition, name, country, physicalMark, price, unit) and the quantity; PRODUCTION takes country KZ and source ST_KZ.
/// WRITE_OFF and REORGANIZATION: <c>goodsId</c> (a goods line of the sender) and the quantity.
/// </summary>
public sealed record WarehouseFormLineBody(
    long? WarehouseId, long? GoodsId, string? GsvsCode, string? TnvedCode, string? SourceKind, string? SourceNumber, int? SourcePosition, string? Name,
    string? Country, string? PhysicalMark, decimal? Price, decimal? Quantity, string? Unit);

/// <summary>One signed form: its body (the JSON of <see cref="WarehouseFormBody"/>) exactly as signed, <c>VsFormV1</c>, the signature and who signed.</summary>
public sealed record UploadWarehouseFormItem(string? Body, string? Version, string? Signature, string? SignatureType);

/// <summary>An upload of signed forms under one certificate (Base64 DER or PEM).</summary>
public sealed record UploadWarehouseFormsBody(string? Certificate, IReadOnlyList<UploadWarehouseFormItem?>? Forms)
{
    /// <summary>A missing field of an item is passed on empty, and the upload checks decline that form with the rule it breaks.</summary>
    public Esf.Infrastructure.Invoices.UploadBatch ToBatch() => Forms is { Count: > 0 } forms
        ? new([.. forms.Select(f => new Esf.Infrastructure.Invoices.UploadItem(f?.Body ?? "", f?.Version ?? "", f?.Signature ?? "", f?.SignatureType ?? ""))],
            Certificate ?? "")
        : throw Esf.Infrastructure.Errors.EsfException.InvalidInput("The upload must carry at least one form in 'forms'.");
}

/// <summary>A row of the journal «Журнал Форм» with the type's and the status's Russian labels.</summary>
public sealed record WarehouseFormView(
    long Id, string Number, DateOnly Date, string Type, string TypeLabel, string SenderTin, string? RecipientTin, decimal? Total, string Status,
    string StatusLabel, string? ErrorReason, string? ErrorCode)
{
    public static WarehouseFormView From(WarehouseFormRecord f) => new(f.FormId, f.Number, f.FormDate, f.Kind,
        WarehouseNames.FormKinds.TryParse(f.Kind, out var kind) ? WarehouseNames.FormKinds.Label(kind) : f.Kind, f.Tin, f.RecipientTin, f.Total, f.Status,
        f.Status switch { WarehouseFormStatus.Processed => "Обработанный", WarehouseFormStatus.Error => "Ошибочный", _ => "В обработке" }, f.ErrorReason, f.ErrorCode);
}
