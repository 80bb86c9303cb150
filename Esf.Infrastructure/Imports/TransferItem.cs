namespace Esf.Infrastructure.Imports;

/// <summary>One imported invoice to transfer: its id, the signature of its body as imported, and who signs (COMPANY or OPERATOR).</summary>
public sealed record TransferItem(long InvoiceId, string Signature, string SignatureType);
