namespace Esf.Infrastructure.Printing;

/// <summary>The printed form as PDF (for paper and archives) or as an HTML page (for the screen and the browser's own print).</summary>
public enum PrintFormat
{
    Pdf,
    Html,
}
