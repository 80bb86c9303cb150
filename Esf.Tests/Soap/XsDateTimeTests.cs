using Esf.Api.Soap.Invoices;
using Esf.Infrastructure.Errors;
using NUnit.Framework;

namespace Esf.Tests.Soap;

public sealed class XsDateTimeTests
{
    [Test]
    public void Parse_WhenWithoutOffset_IsKazakhstanTime() =>
        Assert.That(XsDateTime.Parse("2026-11-25T10:00:00", "lastEventDate"), Is.EqualTo(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(5))));

    [TestCase("0001-01-01T00:00:00")]
    [TestCase("9999-12-31T23:59:59Z")]
    public void Parse_WhenAtTheEndsOfTheCalendar_IsAFieldError(string text) =>
        Assert.That(() => XsDateTime.Parse(text, "lastEventDate"),
            Throws.TypeOf<EsfException>().With.Property(nameof(EsfException.ErrorCode)).EqualTo("FIELD_INVALID"));
}
