using Esf.Domain.Calendar;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class DayFormatsTests
{
    [TestCase("03.12.2026")]
    [TestCase("2026-12-03")]
    [TestCase(" 03.12.2026 ")]
    public void Should_read_the_esf_day_first_and_the_iso_form_as_the_same_day(string text)
    {
        // Act
        var read = DayFormats.TryParse(text, out var day);

        // Assert
        Assert.That((read, day), Is.EqualTo((true, new DateOnly(2026, 12, 3))));
    }

    [TestCase("12/03/2026")]
    [TestCase("03/12/2026")]
    [TestCase("2026.12.03")]
    [TestCase("3.12.2026")]
    [TestCase("2026-12-3")]
    [TestCase("20261203")]
    [TestCase("2026-12-03T00:00:00")]
    [TestCase("31.02.2026")]
    [TestCase("")]
    [TestCase(null)]
    public void Should_refuse_every_other_form(string? text)
    {
        // Act
        var read = DayFormats.TryParse(text, out _);

        // Assert
        Assert.That(read, Is.False);
    }

    [Test]
    public void Should_name_both_formats_when_refusing()
    {
        // Act
        var message = DayFormats.Refusal("dateFrom", "12/03/2026");

        // Assert
        Assert.That(message, Does.Contain("dateFrom").And.Contain("12/03/2026").And.Contain("dd.MM.yyyy").And.Contain("yyyy-MM-dd"));
    }

    [Test]
    public void Should_write_iso()
    {
        // Act
        var iso = DayFormats.ToIso("03.12.2026");

        // Assert
        Assert.That(iso, Is.EqualTo("2026-12-03"));
    }
}
