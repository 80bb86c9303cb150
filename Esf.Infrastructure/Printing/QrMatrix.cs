using System.Collections;
using System.Globalization;
using System.Text;
using QRCoder;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// The modules of a QR code (QRCoder, error correction M, with its quiet zone), drawn by each renderer as vector squares:
/// an SVG path in HTML, filled rectangles in the PDF, so the code stays sharp at any zoom and costs no image decoding.
/// </summary>
public sealed class QrMatrix
{
    private readonly List<BitArray> rows;

    private QrMatrix(List<BitArray> rows) => this.rows = rows;

    public int Size => rows.Count;

    public static QrMatrix Of(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new QrMatrix([.. data.ModuleMatrix.Select(row => new BitArray(row))]);
    }

    public bool IsDark(int row, int column) => rows[row][column];

    /// <summary>An SVG drawing of the code, one unit per module.</summary>
    public string ToSvg(string title)
    {
        var path = new StringBuilder();
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (IsDark(y, x))
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        return $"""<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Size} {Size}" role="img" aria-label="{HtmlText.Encode(title)}"><rect width="{Size}" height="{Size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}
