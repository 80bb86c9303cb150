using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Search;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>M3: cells of the CSV and XLSX files the gateway writes never start a formula; numbers stay numbers.</summary>
[TestFixture]
public sealed class SpreadsheetCellTests
{
    private const string Formula = "=1+2*HYPERLINK(\"x\")";

    [TestCase(Formula, "\"'=1+2*HYPERLINK(\"\"x\"\")\"")]
    [TestCase("+7 701 000 00 00", "'+7 701 000 00 00")]
    [TestCase("-5+A1", "'-5+A1")]
    [TestCase("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [TestCase("\tcmd", "'\tcmd")]
    [TestCase("\rcmd", "\"'\rcmd\"")]
    [TestCase("-5.00", "-5.00")]
    [TestCase("+12", "+12")]
    [TestCase("Бумага, А4", "\"Бумага, А4\"")]
    public void Should_write_a_csv_cell_that_is_never_a_formula(string value, string expected) =>
        Assert.That(CsvText.Escape(value), Is.EqualTo(expected));

    [Test]
    public void Should_write_the_report_group_as_neutralised_text_and_the_amounts_as_numbers()
    {
        // Arrange
        using var file = new MemoryStream();

        // Act
        ReportSpreadsheet.Write(file, [new InvoiceReport.Row(Formula, 1, -5.00m, 0m, -5.00m)], "report");

        // Assert
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cells[0].InnerText, Is.EqualTo("'" + Formula));
            Assert.That(cells[0].CellFormula, Is.Null);
            Assert.That((cells[2].DataType?.Value, cells[2].CellValue?.Text), Is.EqualTo((CellValues.Number, "-5.00")));
        }
    }
}
