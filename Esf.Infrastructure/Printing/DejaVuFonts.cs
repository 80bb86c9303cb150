using System.Reflection;
using PdfSharp.Fonts;

namespace Esf.Infrastructure.Printing;

/// <summary>
/// PDFsharp's fonts: DejaVu Sans Condensed, regular and bold, embedded in this assembly (the files of Debian's fonts-dejavu-core;
/// the Bitstream Vera licence allows redistribution, see Fonts/LICENSE-DejaVu.txt), so the gateway needs no font package
/// and every machine prints the same Cyrillic and Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і). PDFsharp embeds the glyphs used.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private const string Regular = "DejaVuSansCondensed";
    private const string Bold = "DejaVuSansCondensed-Bold";

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp keeps one resolver per process and wants the same instance every time it is set.</summary>
    public static readonly DejaVuFonts Instance = new();

    private readonly Dictionary<string, byte[]> faces = new(StringComparer.Ordinal)
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    };

    private DejaVuFonts()
    {
    }

    /// <summary>Registers the resolver once per process, before the first font is made.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Esf.Infrastructure.Printing.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
