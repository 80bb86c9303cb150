using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// The printed form as a PDF drawn with PDFsharp (docs/adr/0013-printed-form-engine.md): A4 landscape, DejaVu fonts embedded,
/// fields two to a row, goods tables that break across pages with their header and column codes repeated, the QR code drawn
/// as vectors, «Страница N из M» on every page.
/// </summary>
public static class PdfFormRenderer
{
    private static readonly double PageWidth = XUnit.FromMillimeter(297).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(210).Point;
    private const double Margin = 28;
    private const double FooterHeight = 14;
    private const double Padding = 2;
    private const double QrSize = 92;
    private static readonly XPen Rule = new(XColor.FromArgb(85, 85, 85), 0.5);
    private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(230, 230, 230));
    private static readonly XBrush HeaderShade = new XSolidBrush(XColor.FromArgb(242, 242, 242));

    public static void Render(PrintedForm form, string documentTitle, Stream output)
    {
        DejaVuFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = documentTitle;
        document.Info.Creator = "Esf Gateway";
        document.Options.CompressContentStreams = true;
        using (var writer = new Writer(document))
        {
            writer.Head(form);
            foreach (var section in form.Sections)
            {
                writer.Section(section);
            }

            writer.Notes(form.Notes);
        }

        Footers(document, documentTitle);
        document.Save(output, closeStream: false);
    }

    private static void Footers(PdfDocument document, string documentTitle)
    {
        var font = Fonts.Small;
        for (var i = 0; i < document.PageCount; i++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{documentTitle} · Страница {i + 1} из {document.PageCount}");
            graphics.DrawString(text, font, XBrushes.Black,
                new XRect(Margin, PageHeight - Margin, PageWidth - 2 * Margin, FooterHeight), XStringFormats.TopRight);
        }
    }

    private static class Fonts
    {
        public static readonly XFont Title = Font(14, bold: true);
        public static readonly XFont Heading = Font(9.5, bold: true);
        public static readonly XFont Strong = Font(8.5, bold: true);
        public static readonly XFont Value = Font(7.5);
        public static readonly XFont Small = Font(6.5);

        private static XFont Font(double size, bool bold = false)
        {
            DejaVuFonts.EnsureRegistered();
            return new XFont(DejaVuFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        }
    }

    /// <summary>Flows content down the pages: each block asks for its height and starts a new page when it would not fit.</summary>
    private sealed class Writer(PdfDocument document) : IDisposable
    {
        private const double ContentWidth = 841.89 - 2 * Margin;
        private XGraphics? graphics;
        private double y;

        private double Bottom => PageHeight - Margin - FooterHeight;

        private XGraphics Graphics => graphics ?? NewPage();

        public void Head(PrintedForm form)
        {
            var top = Top();
            var textWidth = ContentWidth - (form.Verification is null ? 0 : QrSize + 70);
            Graphics.DrawString(form.Title, Fonts.Title, XBrushes.Black, new XRect(Margin, top, textWidth, 20), XStringFormats.TopLeft);
            var statusLines = Wrap(form.StatusLine, Fonts.Strong, textWidth);
            DrawLines(statusLines, Fonts.Strong, Margin, top + 22, XStringFormats.TopLeft, textWidth);
            var bottom = top + 22 + statusLines.Count * Fonts.Strong.GetHeight();
            if (form.Verification is { } link)
            {
                var left = Margin + ContentWidth - QrSize - 35;
                DrawQr(QrMatrix.Of(link.QrLink), left, top);
                var caption = Wrap("Проверка: " + link.ShortLink, Fonts.Small, QrSize + 35);
                DrawLines(caption, Fonts.Small, left - 17, top + QrSize + 2, XStringFormats.TopLeft, QrSize + 35);
                bottom = Math.Max(bottom, top + QrSize + 2 + caption.Count * Fonts.Small.GetHeight());
            }

            y = bottom + 6;
        }

        public void Section(FormSection section)
        {
            var fieldHeights = FieldRowHeights(section.Fields);
            // A heading is never left alone at the bottom of a page.
            Ensure(16 + (fieldHeights.Count > 0 ? fieldHeights[0] : 0));
            Graphics.DrawRectangle(Shade, Margin, y, ContentWidth, 14);
            Graphics.DrawString(section.Heading, Fonts.Heading, XBrushes.Black, new XRect(Margin + Padding, y + 1.5, ContentWidth, 14), XStringFormats.TopLeft);
            y += 16;
            for (var row = 0; row < fieldHeights.Count; row++)
            {
                Ensure(fieldHeights[row]);
                DrawFieldRow(section.Fields.Skip(row * 2).Take(2).ToList(), fieldHeights[row]);
                y += fieldHeights[row];
            }

            foreach (var table in section.Tables)
            {
                Table(table);
            }

            y += 6;
        }

        public void Notes(IReadOnlyList<string> notes)
        {
            y += 4;
            foreach (var line in notes.SelectMany(note => Wrap(note, Fonts.Small, ContentWidth)))
            {
                Ensure(Fonts.Small.GetHeight());
                Graphics.DrawString(line, Fonts.Small, XBrushes.Black, new XRect(Margin, y, ContentWidth, 10), XStringFormats.TopLeft);
                y += Fonts.Small.GetHeight();
            }
        }

        public void Dispose() => graphics?.Dispose();

        private void Table(FormTable table)
        {
            var total = table.Columns.Sum(c => c.Weight);
            var widths = table.Columns.Select(c => ContentWidth * c.Weight / total).ToArray();
            var header = table.Columns.Select(c => c.Label).ToList();
            var codes = table.Columns.Select(c => (string?)c.Code).ToList();
            var headerHeight = RowHeight(header, widths, Fonts.Small) + RowHeight(codes, widths, Fonts.Small);
            var valueFonts = widths.Select(_ => Fonts.Value).ToArray();
            var numeric = table.Columns.Select(c => c.Numeric).ToArray();
            var firstRow = table.Rows.Count > 0 ? RowHeight(table.Rows[0], widths, Fonts.Value) : 0;
            Ensure(12 + headerHeight + firstRow);
            DrawHeader(table.Caption, header, codes, widths);
            foreach (var row in table.Rows.Append(table.Totals).OfType<IReadOnlyList<string?>>())
            {
                var height = RowHeight(row, widths, Fonts.Value);
                if (y + height > Bottom)
                {
                    NewPage();
                    DrawHeader(table.Caption + " (продолжение)", header, codes, widths);
                }

                DrawRow(row, widths, valueFonts, numeric, height, null);
                y += height;
            }

            y += 4;
        }

        private void DrawHeader(string caption, IReadOnlyList<string?> header, IReadOnlyList<string?> codes, double[] widths)
        {
            Graphics.DrawString(caption, Fonts.Strong, XBrushes.Black, new XRect(Margin, y, ContentWidth, 12), XStringFormats.TopLeft);
            y += 12;
            foreach (var cells in new[] { header, codes })
            {
                var height = RowHeight(cells, widths, Fonts.Small);
                DrawRow(cells, widths, [.. widths.Select(_ => Fonts.Small)], new bool[widths.Length], height, HeaderShade);
                y += height;
            }
        }

        /// <summary>One row of cells with borders; <paramref name="fonts"/> and <paramref name="rightAligned"/> give each cell's.</summary>
        private void DrawRow(IReadOnlyList<string?> cells, double[] widths, XFont[] fonts, bool[] rightAligned, double height, XBrush? fill)
        {
            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                if (fill is not null)
                {
                    Graphics.DrawRectangle(fill, x, y, widths[i], height);
                }

                Graphics.DrawRectangle(Rule, x, y, widths[i], height);
                DrawLines(Wrap(cells[i], fonts[i], widths[i] - 2 * Padding), fonts[i], rightAligned[i] ? x + widths[i] - Padding : x + Padding,
                    y + Padding, rightAligned[i] ? XStringFormats.TopRight : XStringFormats.TopLeft, widths[i] - 2 * Padding);
                x += widths[i];
            }
        }

        private List<double> FieldRowHeights(IReadOnlyList<FormField> fields)
        {
            var heights = new List<double>();
            for (var i = 0; i < fields.Count; i += 2)
            {
                heights.Add(fields.Skip(i).Take(2).Max(FieldHeight));
            }

            return heights;
        }

        /// <summary>Half the width per field: code, name, value.</summary>
        private static (double Code, double Label, double Value) FieldWidths()
        {
            const double half = ContentWidth / 2;
            return (24, half * 0.38, half - 24 - half * 0.38);
        }

        private double FieldHeight(FormField field)
        {
            var (_, label, value) = FieldWidths();
            var lines = Math.Max(Wrap(field.Label, Fonts.Small, label - 2 * Padding).Count * Fonts.Small.GetHeight(),
                Wrap(field.Value, Fonts.Value, value - 2 * Padding).Count * Fonts.Value.GetHeight());
            return Math.Max(lines, Fonts.Value.GetHeight()) + 2 * Padding;
        }

        private void DrawFieldRow(IReadOnlyList<FormField> fields, double height)
        {
            var (code, label, value) = FieldWidths();
            var cells = fields.SelectMany(f => new[] { f.Code, f.Label, f.Value }).ToList();
            var widths = fields.SelectMany(_ => new[] { code, label, value }).ToArray();
            var fonts = fields.SelectMany(_ => new[] { Fonts.Small, Fonts.Small, Fonts.Value }).ToArray();
            DrawRow(cells, widths, fonts, new bool[widths.Length], height, null);
        }

        private void DrawQr(QrMatrix qr, double left, double top)
        {
            var module = QrSize / qr.Size;
            for (var row = 0; row < qr.Size; row++)
            {
                for (var column = 0; column < qr.Size; column++)
                {
                    if (qr.IsDark(row, column))
                    {
                        // A hair wider than the module, so that no seams show between neighbours in viewers that anti-alias.
                        Graphics.DrawRectangle(XBrushes.Black, left + column * module, top + row * module, module + 0.05, module + 0.05);
                    }
                }
            }
        }

        private void DrawLines(IReadOnlyList<string> lines, XFont font, double x, double top, XStringFormat format, double width)
        {
            var lineHeight = font.GetHeight();
            for (var i = 0; i < lines.Count; i++)
            {
                var origin = format.Alignment == XStringAlignment.Far ? x - width : x;
                Graphics.DrawString(lines[i], font, XBrushes.Black, new XRect(origin, top + i * lineHeight, width, lineHeight), format);
            }
        }

        private double RowHeight(IReadOnlyList<string?> cells, double[] widths, XFont font) =>
            cells.Select((cell, i) => Wrap(cell, font, widths[i] - 2 * Padding).Count).DefaultIfEmpty(1).Max() * font.GetHeight() + 2 * Padding;

        /// <summary>Greedy word wrap; a word wider than the cell is cut by characters (long numbers, codes, links).</summary>
        private List<string> Wrap(string? text, XFont font, double width)
        {
            var lines = new List<string>();
            if (string.IsNullOrEmpty(text))
            {
                lines.Add("");
                return lines;
            }

            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Measure(candidate, font) <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    line = word;
                    while (Measure(line, font) > width && line.Length > 1)
                    {
                        var fit = line.Length - 1;
                        while (fit > 1 && Measure(line[..fit], font) > width)
                        {
                            fit--;
                        }

                        lines.Add(line[..fit]);
                        line = line[fit..];
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

        private void Ensure(double height)
        {
            if (graphics is null || y + height > Bottom)
            {
                NewPage();
            }
        }

        private double Top()
        {
            _ = Graphics;
            return y;
        }

        private XGraphics NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
            return graphics;
        }
    }
}
