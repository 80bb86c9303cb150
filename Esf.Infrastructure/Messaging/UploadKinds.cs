namespace Esf.Infrastructure.Messaging;

/// <summary>The documents an upload holds (<c>uploads.document_kind</c>, ADR 0024): both kinds share the outbox, the message and the claim.</summary>
public static class UploadKinds
{
    public const string Invoice = "INVOICE";

    /// <summary>Waybills (СНТ).</summary>
    public const string Waybill = "SNT";
}
