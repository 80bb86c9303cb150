using System.Security.Cryptography;
using System.Text;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// The printed form as one self-contained HTML page for A4 landscape (print it from any browser: the goods tables repeat
/// their header on every page). No script and no outside resource; the one style block is allowed by its hash in the
/// page's Content-Security-Policy (<see cref="ContentSecurityPolicy"/>).
/// </summary>
public static class HtmlFormRenderer
{
    private const string Css = """
        @page { size: A4 landscape; margin: 10mm; }
        body { font-family: "DejaVu Sans Condensed", "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #000; margin: 0; }
        @media screen { body { margin: 12px; } }
        .form-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; }
        h1 { font-size: 14pt; margin: 0 0 4px; }
        .status { margin: 0; font-weight: bold; }
        .verify { margin: 0; text-align: center; width: 150px; }
        .verify .qr { width: 110px; height: 110px; }
        .verify figcaption { font-size: 7pt; word-break: break-all; }
        .form-section { margin-top: 8px; }
        h2 { font-size: 10pt; background: #e6e6e6; margin: 0; padding: 2px 4px; break-after: avoid; }
        table { border-collapse: collapse; width: 100%; }
        td, th { border: 1px solid #555; padding: 1px 3px; vertical-align: top; text-align: left; }
        .fields { table-layout: fixed; }
        .fields th { width: 4%; font-weight: normal; }
        .fields .label { width: 22%; color: #222; }
        .fields .value { width: 24%; }
        .goods { margin-top: 4px; font-size: 7.5pt; }
        .goods caption { text-align: left; font-weight: bold; }
        .goods thead th { font-weight: normal; background: #f2f2f2; }
        .goods .num { text-align: right; }
        .goods tr { break-inside: avoid; }
        .goods .totals td { font-weight: bold; }
        .notes { margin-top: 8px; font-size: 7pt; }
        .notes p { margin: 0; }
        """;

    /// <summary>The CSP of the page: nothing but its own style block (by hash) and inline SVG.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(PrintedForm form, string documentTitle)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>").Append(HtmlText.Encode(documentTitle))
            .Append("</title><style>").Append(Css).Append("</style></head><body>");
        AppendHead(html, form);
        html.Append("<main>");
        AppendSections(html, form, headingLevel: 2);
        html.Append("</main><footer class=\"notes\">");
        foreach (var note in form.Notes)
        {
            html.Append("<p>").Append(HtmlText.Encode(note)).Append("</p>");
        }

        return html.Append("</footer></body></html>\n").ToString();
    }

    /// <summary>The title, the status line and the verification QR code with its link.</summary>
    public static void AppendHead(StringBuilder html, PrintedForm form)
    {
        html.Append("<header class=\"form-head\"><div><h1>").Append(HtmlText.Encode(form.Title)).Append("</h1><p class=\"status\">")
            .Append(HtmlText.Encode(form.StatusLine)).Append("</p></div>");
        if (form.Verification is { } link)
        {
            html.Append("<figure class=\"verify\">").Append(QrMatrix.Of(link.QrLink).ToSvg("QR: " + link.QrLink))
                .Append("<figcaption>Проверка: <a href=\"").Append(HtmlText.Encode(link.QrLink)).Append("\">")
                .Append(HtmlText.Encode(link.ShortLink)).Append("</a></figcaption></figure>");
        }

        html.Append("</header>");
    }

    /// <summary>Sections A–L; the journal's invoice card shows them under its own headings (<paramref name="headingLevel"/>).</summary>
    public static void AppendSections(StringBuilder html, PrintedForm form, int headingLevel)
    {
        foreach (var section in form.Sections)
        {
            html.Append("<section class=\"form-section\"><h").Append(headingLevel).Append('>').Append(HtmlText.Encode(section.Heading))
                .Append("</h").Append(headingLevel).Append('>');
            AppendFields(html, section.Fields);
            foreach (var table in section.Tables)
            {
                AppendTable(html, table);
            }

            html.Append("</section>");
        }
    }

    /// <summary>Two fields per row: code, name, value.</summary>
    private static void AppendFields(StringBuilder html, IReadOnlyList<FormField> fields)
    {
        html.Append("<table class=\"fields\"><tbody>");
        for (var i = 0; i < fields.Count; i += 2)
        {
            html.Append("<tr>");
            foreach (var field in fields.Skip(i).Take(2))
            {
                html.Append("<th scope=\"row\">").Append(HtmlText.Encode(field.Code)).Append("</th><td class=\"label\">")
                    .Append(HtmlText.Encode(field.Label)).Append("</td><td class=\"value\">").Append(HtmlText.Encode(field.Value)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendTable(StringBuilder html, FormTable table)
    {
        html.Append("<table class=\"goods\"><caption>").Append(HtmlText.Encode(table.Caption)).Append("</caption><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(HtmlText.Encode(column.Label)).Append("</th>");
        }

        html.Append("</tr><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(HtmlText.Encode(column.Code)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            AppendRow(html, table.Columns, row, "");
        }

        if (table.Totals is { } totals)
        {
            AppendRow(html, table.Columns, totals, " class=\"totals\"");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendRow(StringBuilder html, IReadOnlyList<FormColumn> columns, IReadOnlyList<string?> cells, string attributes)
    {
        html.Append("<tr").Append(attributes).Append('>');
        for (var i = 0; i < columns.Count; i++)
        {
            html.Append(columns[i].Numeric ? "<td class=\"num\">" : "<td>").Append(HtmlText.Encode(cells[i])).Append("</td>");
        }

        html.Append("</tr>");
    }
}
