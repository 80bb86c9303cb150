namespace Esf.Domain.Invoices;

/// <summary>A seller (поставщик, B) or customer (получатель, C) block of the invoice.</summary>
public sealed record InvoiceParty(string? Tin, string? Name, bool IsNonResident = false);
