using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Esf.Infrastructure.Search;

namespace Esf.Infrastructure.Export;

/// <summary>
/// A Table 30 report as an XLSX workbook: one sheet, a header row, one row per group and a totals row. Rows go through the
/// SDK's forward-only <see cref="OpenXmlWriter"/>, so no DOM of the sheet is built whatever the number of groups; strings
/// are inline (no shared-string table to hold in memory) and amounts are numeric cells.
/// </summary>
public static class ReportSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Header = ["group", "invoices", "totalWithoutTax", "totalNds", "totalWithTax"];

    public const string TotalLabel = "Итого";

    /// <summary>Writes the workbook to <paramref name="output"/>, which must be seekable (the zip package needs it).</summary>
    public static void Write(Stream output, IReadOnlyList<InvoiceReport.Row> rows, string sheetName)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [.. Header.Select(Text)]);
            foreach (var row in rows)
            {
                WriteRow(writer, [Text(row.Group), Number((decimal)row.Invoices), Number(row.TotalWithoutTax), Number(row.TotalNds), Number(row.TotalWithTax)]);
            }

            WriteRow(writer,
            [
                Text(TotalLabel), Number((decimal)rows.Sum(r => r.Invoices)), Number(rows.Sum(r => r.TotalWithoutTax)),
                Number(rows.Sum(r => r.TotalNds)), Number(rows.Sum(r => r.TotalWithTax)),
            ]);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet
        {
            Id = workbook.GetIdOfPart(sheetPart),
            SheetId = 1,
            Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
        }));
    }

    private static void WriteRow(OpenXmlWriter writer, Cell[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>An inline string is never evaluated, but it is neutralised too: copied or saved as CSV it would become one (M3).</summary>
    private static Cell Text(string value) =>
        new(new InlineString(new Text(SpreadsheetText.Neutralise(value)))) { DataType = CellValues.InlineString };

    private static Cell Number(decimal value) => new(new CellValue(value)) { DataType = CellValues.Number };
}
