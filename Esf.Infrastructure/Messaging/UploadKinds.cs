namespace Esf.Infrastructure.Messaging;

/// <summary>The documents an upload holds (<c>uploads.document_kind</c>, ADR 0024): every kind shares the outbox, the message and the claim.</summary>
public static class UploadKinds
{
    public const string Invoice = "INVOICE";

    /// <summary>Waybills (СНТ).</summary>
    public const string Waybill = "SNT";

    /// <summary>Signed forms of the virtual warehouse («Остатки», «Производство», «Реорганизация», «Списание»).</summary>
    public const string WarehouseForm = "VS_FORM";
}
