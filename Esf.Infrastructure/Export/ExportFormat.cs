namespace Esf.Infrastructure.Export;

/// <summary>
/// What an export writes: the esf:invoiceContainer of the import, JSON Lines, CSV with one row per product line, or a ZIP of
/// printed forms (PDF).
/// </summary>
public enum ExportFormat
{
    Xml,
    JsonLines,
    Csv,
    PrintedForms,
}
