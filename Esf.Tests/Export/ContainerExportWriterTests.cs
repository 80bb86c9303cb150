using System.Text;
using Esf.Infrastructure.Export;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>
/// The XML container's exact bytes: what <c>esf export</c>'s resume (<c>ContainerResumeTests</c>) and every client reading the
/// cursors from the comments rely on.
/// </summary>
[TestFixture]
public sealed class ContainerExportWriterTests
{
    private static readonly ContainerShape<string> Shape = new("invoiceContainer", "invoiceSet", body => Encoding.UTF8.GetBytes(body));

    [Test]
    public async Task Should_write_an_empty_set_as_one_empty_element()
    {
        Assert.That(await WriteAsync(), Is.EqualTo(
            """<?xml version="1.0" encoding="utf-8"?><esf:invoiceContainer xmlns:esf="esf"><invoiceSet /></esf:invoiceContainer>"""));
    }

    [Test]
    public async Task Should_copy_each_body_as_stored_without_its_declaration_and_follow_it_with_its_cursor()
    {
        var written = await WriteAsync(
            ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<v2:invoice>Счёт &amp; «товар»</v2:invoice>", "AbC_9"),
            ("<v2:invoice>\r\n  <num>2</num>\r</v2:invoice>", "x"));

        Assert.That(written, Is.EqualTo(
            """<?xml version="1.0" encoding="utf-8"?><esf:invoiceContainer xmlns:esf="esf"><invoiceSet>""" +
            "\n<v2:invoice>Счёт &amp; «товар»</v2:invoice><!--cursor:AbC_9-->" +
            "<v2:invoice>\r\n  <num>2</num>\r</v2:invoice><!--cursor:x-->" +
            "</invoiceSet></esf:invoiceContainer>"));
    }

    [TestCase(" \r\n\uFEFF\t<?xml version=\"1.0\"?><a>б</a>", "<a>б</a>")]
    [TestCase("\uFEFF<a>б</a>", "\uFEFF<a>б</a>")]
    [TestCase("<a><?xml-stylesheet href=\"x\"?></a>", "<a><?xml-stylesheet href=\"x\"?></a>")]
    public async Task Should_cut_only_a_leading_declaration_with_what_precedes_it(string body, string copied)
    {
        var written = await WriteAsync((body, "c"));

        Assert.That(written, Does.Contain($"<invoiceSet>{copied}<!--cursor:c-->"));
    }

    [TestCase("ab--cd", "ab- -cd")]
    [TestCase("ab---", "ab- - - ")]
    [TestCase("-a-b", "-a-b")]
    public async Task Should_keep_a_cursor_with_hyphens_a_well_formed_comment_that_still_decodes(string cursor, string commented)
    {
        var written = await WriteAsync(("<a/>", cursor));

        Assert.That(written, Does.Contain($"<a/><!--cursor:{commented}--></invoiceSet>"));
    }

    [Test]
    public async Task Should_send_what_it_holds_on_every_flush()
    {
        using var output = new MemoryStream();
        var writer = new ContainerExportWriter<string>(output, Shape);
        await writer.StartAsync();
        await writer.WriteAsync("<a/>", "1");
        await writer.FlushAsync();

        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Does.EndWith("<a/><!--cursor:1-->"));
        await writer.DisposeAsync();
    }

    private static async Task<string> WriteAsync(params (string Body, string Cursor)[] documents)
    {
        using var output = new MemoryStream();
        await using (var writer = new ContainerExportWriter<string>(output, Shape))
        {
            await writer.StartAsync();
            foreach (var (body, cursor) in documents)
            {
                await writer.WriteAsync(body, cursor);
            }

            await writer.EndAsync();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
