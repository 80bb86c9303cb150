using Esf.Domain.Taxpayers;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class TaxpayerNumberTests
{
    // 1·1+2·2+…+0·10+1·11 = 296 ≡ 10 (mod 11), so the second weights decide: 3·1+4·2+…+1·0+2·1 = 377 ≡ 3.
    [TestCase("12345678901", 3)]
    // 8·1+7·2+0·3+1·4+0·5+1·6+3·7+0·8+0·9+1·10+2·11 = 85 ≡ 8.
    [TestCase("87010130012", 8)]
    public void ControlDigit_OfElevenDigits_IsTheWeightedSumModuloEleven(string eleven, int expected) =>
        Assert.That(TaxpayerNumber.ControlDigit(eleven), Is.EqualTo(expected));

    [TestCase("123456789013", true)]
    [TestCase("123456789012", false)]
    [TestCase("12345678901", false)]
    [TestCase("12345678901A", false)]
    public void IsValid_WhenLastDigitIsTheControlDigit_IsTrue(string number, bool expected) =>
        Assert.That(TaxpayerNumber.IsValid(number), Is.EqualTo(expected));
}
