using System.Globalization;

namespace Esf.Bench;

/// <summary>A figure over several runs: the median, the lowest and the highest, and the relative spread (max − min) ÷ median.</summary>
public sealed record Spread(double Median, double Min, double Max, int Count)
{
    public static readonly Spread None = new(double.NaN, double.NaN, double.NaN, 0);

    public double Relative => Count > 0 && Median != 0 ? (Max - Min) / Math.Abs(Median) : double.NaN;

    /// <summary>The spread of the values that are numbers (NaN stands for "not measured").</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return None;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>e.g. "1,417 (1,078–1,537; 32 %)": median (min–max; relative spread); one run: just the value.</summary>
    public string Format(string format) => Count switch
    {
        0 => "–",
        1 => Median.ToString(format, CultureInfo.InvariantCulture),
        _ => $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)}; {Percent()})",
    };

    /// <summary>e.g. "1,417 (32 %)": the median and the relative spread only (for the narrower cells).</summary>
    public string Short(string format) => Count switch
    {
        0 => "–",
        1 => Median.ToString(format, CultureInfo.InvariantCulture),
        _ => $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Percent()})",
    };

    /// <summary>The relative spread as "12 %" (the whole spread, max − min, relative to the median).</summary>
    public string Percent() => double.IsNaN(Relative) ? "? %" : $"{Relative * 100:0} %";
}
