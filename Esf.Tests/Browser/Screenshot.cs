using System.Buffers.Binary;
using System.IO.Compression;

namespace Esf.Tests.Browser;

/// <summary>
/// The pixels of a PNG screenshot (8-bit RGB or RGBA, as Chromium writes them), enough to tell a page with content from a
/// blank one: how much of it differs from its background colour, and how many colours it has.
/// </summary>
public sealed class Screenshot
{
    private Screenshot(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>0xRRGGBB per pixel, row by row.</summary>
    public uint[] Pixels { get; }

    /// <summary>The share of pixels that are not the most common colour (the background).</summary>
    public double InkShare => 1.0 - Pixels.GroupBy(p => p).Max(g => g.Count()) / (double)Pixels.Length;

    public int Colours => Pixels.Distinct().Count();

    public static Screenshot Read(byte[] png)
    {
        var (width, height, channels) = (0, 0, 0);
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                channels = data[9] switch
                {
                    2 => 3,
                    6 => 4,
                    var other => throw new NotSupportedException($"PNG colour type {other}"),
                };
                if (data[8] != 8)
                {
                    throw new NotSupportedException($"PNG bit depth {data[8]}");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new Screenshot(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    /// <summary>Undoes the per-row PNG filters (None, Sub, Up, Average, Paeth).</summary>
    private static uint[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            Array.Copy(data, y * (stride + 1) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }

            for (var x = 0; x < width; x++)
            {
                pixels[y * width + x] = (uint)(current[x * channels] << 16 | current[x * channels + 1] << 8 | current[x * channels + 2]);
            }

            (previous, current) = (current, previous);
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
