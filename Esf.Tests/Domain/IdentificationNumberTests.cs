using Esf.Domain.Invoices;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class IdentificationNumberTests
{
    [TestCase("123456789012", true)]
    [TestCase("000000000000", true)]
    [TestCase("12345678901", false)]
    [TestCase("1234567890123", false)]
    [TestCase("12345678901A", false)]
    [TestCase("١٢٣٤٥٦٧٨٩٠١٢", false)]
    [TestCase(" 23456789012", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsWellFormed_WhenTwelveAsciiDigits_IsTrue(string? value, bool expected) =>
        Assert.That(IdentificationNumber.IsWellFormed(value), Is.EqualTo(expected));
}
