using System.Text;
using Esf.Api.Cli;
using NUnit.Framework;

namespace Esf.Tests.Cli;

/// <summary>Resuming an XML container export: where the file is cut and how the continuation's start is skipped.</summary>
[TestFixture]
public sealed class ContainerResumeTests
{
    private const string Start = """<?xml version="1.0" encoding="utf-8"?><esf:invoiceContainer xmlns:esf="esf"><invoiceSet>""";
    private const string First = """<v2:invoice xmlns:v2="v2.esf"><num>1</num></v2:invoice><!--cursor:AAA-->""";
    private const string Second = """<v2:invoice xmlns:v2="v2.esf"><num>2</num></v2:invoice><!--cursor:BBB-->""";
    private const string SecondCutInItsCursor = """<v2:invoice xmlns:v2="v2.esf"><num>2</num></v2:invoice><!--cursor:BB""";

    [TestCase(Start + First + "<v2:invoice xmlns:v2=\"v2.esf\"><nu", Start + First, "AAA")]
    [TestCase(Start + First + SecondCutInItsCursor, Start + First, "AAA")]
    [TestCase(Start + First + Second + "</invoiceSet></esf:invoiceContainer>", Start + First + Second, "BBB")]
    public void Prepare_WhenFileIsCut_KeepsUpToTheLastCompleteCursor(string content, string kept, string cursor)
    {
        // Arrange
        var file = Path.GetTempFileName();
        File.WriteAllText(file, content);

        // Act
        var found = ContainerResume.Prepare(file);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.EqualTo(cursor));
            Assert.That(File.ReadAllText(file), Is.EqualTo(kept));
        }

        File.Delete(file);
    }

    [Test]
    public void Prepare_WhenNoInvoiceIsComplete_AnswersNull()
    {
        // Arrange
        var file = Path.GetTempFileName();
        File.WriteAllText(file, Start + "<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num>");

        // Act
        var found = ContainerResume.Prepare(file);

        // Assert
        Assert.That(found, Is.Null);
        File.Delete(file);
    }

    [TestCase(Start + Second + "</invoiceSet></esf:invoiceContainer>", Second + "</invoiceSet></esf:invoiceContainer>")]
    [TestCase("""<?xml version="1.0" encoding="utf-8"?><esf:invoiceContainer xmlns:esf="esf"><invoiceSet /></esf:invoiceContainer>""",
        "</invoiceSet></esf:invoiceContainer>")]
    public async Task SkipContainerStart_WhenContinuing_LeavesOnlyTheInvoicesAndTheEnd(string continuation, string appended)
    {
        // Arrange
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(continuation));
        using var output = new MemoryStream();

        // Act
        await ContainerResume.SkipContainerStartAsync(input, output, CancellationToken.None);
        await input.CopyToAsync(output);

        // Assert
        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Is.EqualTo(appended));
    }
}
