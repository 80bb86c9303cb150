using System.Globalization;
using Esf.Infrastructure.Xml;
using NUnit.Framework;

namespace Esf.Tests.Documents;

/// <summary>
/// The body's amounts read by the plain-decimal fast path (<see cref="XmlValues.TryPlainDecimal"/>) are exactly what
/// <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/> made of them before, scale included
/// (<c>150.00</c> is not <c>150</c> to the scale rules), and everything else still goes to it.
/// </summary>
public sealed class Parsing_decimal_values
{
    private const NumberStyles Before = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
        | NumberStyles.AllowTrailingWhite;

    [TestCase("0")]
    [TestCase("0.00")]
    [TestCase("150.00")]
    [TestCase("007.50")]
    [TestCase("1234567.891234")]
    [TestCase("5.")]
    [TestCase(".5")]
    [TestCase("123456789012345678")]
    [TestCase("12345678901234567.8")]
    [TestCase("0.00000000000000001")]
    public void A_plain_amount_takes_the_fast_path_with_the_scale_as_written(string text)
    {
        Assert.That(XmlValues.TryPlainDecimal(text, out var value), Is.True);
        Assert.That(decimal.GetBits(value), Is.EqualTo(decimal.GetBits(Parsed(text)!.Value)));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("-1.50")]
    [TestCase("+1")]
    [TestCase(" 1.5")]
    [TestCase("1.5 ")]
    [TestCase("1e5")]
    [TestCase("1,5")]
    [TestCase("1..2")]
    [TestCase("1234567890123456789")]
    [TestCase("99999999999999999999999999999")]
    [TestCase("0000000000000000000001")]
    [TestCase("١٢")]
    public void Anything_else_is_read_as_before(string text)
    {
        Assert.That(XmlValues.TryPlainDecimal(text, out _), Is.False);
        Assert.That(Bits(XmlValues.ToDecimal(text)), Is.EqualTo(Bits(Parsed(text))));
    }

    [Test]
    public void Random_texts_read_as_before()
    {
        var random = new Random(17);
        const string alphabet = "0123456789012345678901234567890123456789.. -+";
        for (var i = 0; i < 50_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.That(Bits(XmlValues.ToDecimal(text)), Is.EqualTo(Bits(Parsed(text))), text);
        }
    }

    private static decimal? Parsed(string text) =>
        decimal.TryParse(text, Before, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int[]? Bits(decimal? value) => value is { } v ? decimal.GetBits(v) : null;
}
