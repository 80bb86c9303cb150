using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class OpensslSpeedTests
{
    [Test]
    public void ParseOpensslVerifyPerSecond_WhenOpenssl30Output_ReadsTheVerifyColumn()
    {
        const string output = """
            version: 3.0.19
            options: bn(64,64)
                              sign    verify    sign/s verify/s
            rsa 2048 bits 0.000335s 0.000022s   2982.4  46415.6
            """;

        Assert.That(Calibration.ParseOpensslVerifyPerSecond(output), Is.EqualTo(46415.6).Within(0.01));
    }

    [Test]
    public void ParseOpensslVerifyPerSecond_WhenOpenssl32OutputWithEncryptColumns_ReadsTheVerifyColumn()
    {
        const string output = """
                                          sign    verify    encrypt   decrypt   sign/s verify/s  encr./s  decr./s
            rsa  2048 bits 0.000662s 0.000018s 0.000019s 0.000650s   1510.6  55555.0  52631.6   1538.5
            """;

        Assert.That(Calibration.ParseOpensslVerifyPerSecond(output), Is.EqualTo(55555.0).Within(0.01));
    }

    [Test]
    public void ParseOpensslVerifyPerSecond_WhenNoRsaLine_IsNaN()
    {
        Assert.That(Calibration.ParseOpensslVerifyPerSecond("speed: Unknown algorithm rsa2048"), Is.NaN);
    }
}
