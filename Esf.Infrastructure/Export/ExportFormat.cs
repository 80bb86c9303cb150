namespace Esf.Infrastructure.Export;

/// <summary>What an export writes: the esf:invoiceContainer of the import, JSON Lines, or CSV with one row per product line.</summary>
public enum ExportFormat
{
    Xml,
    JsonLines,
    Csv,
}
