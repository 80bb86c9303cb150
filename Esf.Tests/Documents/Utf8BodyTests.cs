using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Documents;

/// <summary>
/// An uploaded body kept as its UTF-8 bytes (issue 17 item 3) must read, hash, store and answer exactly as the string it was
/// before: the same bytes, the same XML result, the same Idempotency-Key request hash.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Utf8BodyTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string Sample => TestInvoices.ContractSample;

    [Test]
    public void Read_WhenTheJsonStringIsEscaped_HoldsTheUtf8BytesOfTheString()
    {
        var text = "<a x=\"1\">Бумага\tА4 & \\ «картон» 😀</a>\r\n";
        var json = JsonSerializer.SerializeToUtf8Bytes(new { body = text }); // quotes, Cyrillic and the emoji escaped as \uXXXX

        var body = JsonSerializer.Deserialize<Holder>(json, Web)!.Body;

        Assert.That(body.Bytes.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
        Assert.That(body.Text, Is.EqualTo(text));
    }

    [Test]
    public void Read_WhenTheJsonStringIsNotValidUtf8_RefusesItAsJsonAsAStringPropertyDoes()
    {
        var json = "{\"body\":\"<a>X</a>\"}"u8.ToArray();
        json[Array.IndexOf(json, (byte)'X')] = 0xFF; // a raw byte that is not UTF-8
        var asString = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StringHolder>(json, Web));

        Assert.That(() => JsonSerializer.Deserialize<Holder>(json, Web), Throws.TypeOf<JsonException>(), asString!.Message);
    }

    [Test]
    public void Read_WhenTheJsonStringIsRawUtf8_HoldsItsBytes()
    {
        var text = "Бумага офисная";
        var json = Encoding.UTF8.GetBytes($$"""{"body":"{{text}}"}""");

        var body = JsonSerializer.Deserialize<Holder>(json, Web)!.Body;

        Assert.That(body.Bytes.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
    }

    [Test]
    public void Read_WhenTheStringSpansBufferSegments_HoldsTheWholeString()
    {
        var text = new string('ж', 5000) + "\"" + new string('z', 5000);
        var json = JsonSerializer.SerializeToUtf8Bytes(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var reader = new Utf8JsonReader(InSegments(json, 1000));
        reader.Read();

        var body = new Utf8BodyJsonConverter().Read(ref reader, typeof(Utf8Body), Web);

        Assert.That(reader.HasValueSequence, Is.True);
        Assert.That(body.Text, Is.EqualTo(text));
    }

    [Test]
    public void Read_WhenTheBodyIsNotAString_IsRefusedAsJson()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"body":42}""", Web));
    }

    [Test]
    public void Read_WhenTheBodyIsNull_IsNull()
    {
        Assert.That(JsonSerializer.Deserialize<Holder>("""{"body":null}""", Web)!.Body, Is.Null);
    }

    [Test]
    public void Write_WhenABatchIsHashedForItsIdempotencyKey_GivesTheJsonOfStringBodies()
    {
        var text = Sample + "\"«ж»\" 😀";
        var lines = new List<WarehouseLineRef> { new(1, 2, 3) };
        var asBytes = new UploadBatch([new UploadItem(JsonBody(text), "InvoiceV2", "c2ln", "COMPANY", lines)], "CERT");
        var asStrings = new StringBatch([new StringItem(text, "InvoiceV2", "c2ln", "COMPANY", lines)], "CERT");

        Assert.That(JsonSerializer.SerializeToUtf8Bytes(asBytes), Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(asStrings)));
    }

    [Test]
    public void RequestHash_WhenTheBatchIsHashedAsItIsWritten_IsTheHashOfItsJson()
    {
        var batch = new UploadBatch([.. Enumerable.Range(0, 100).Select(_ => new UploadItem(JsonBody(Sample), "InvoiceV2", "c2ln", "COMPANY"))], "CERT");

        Assert.That(RequestHash.Of(batch), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(batch)))));
    }

    [Test]
    public void Release_WhenTheUploadIsAnswered_LeavesAnEmptyBodyBehind()
    {
        var body = JsonBody("<a/>");

        body.Release();
        body.Release();

        Assert.That(body.Length, Is.Zero);
        Assert.That(body.Text, Is.Empty);
    }

    [Test]
    public void FromText_WhenTheBodyIsLargerThanThePoolKeeps_HoldsItsBytes()
    {
        var text = new string('ж', 100_000);

        var body = JsonBody(text);

        Assert.That(body.Bytes.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
        body.Release();
    }

    [Test]
    public void InvoiceBodyReader_WhenReadFromBytes_GivesWhatTheStringGives()
    {
        var fromString = InvoiceBodyReader.Read(Sample);

        var fromBytes = InvoiceBodyReader.Read(JsonBody(Sample));

        Assert.That(fromBytes.Violations, Is.Empty);
        Assert.That(fromBytes.Document, Is.EqualTo(fromString.Document).Using<object>(SameJson));
    }

    [Test]
    public void InvoiceBodyReader_WhenTheDeclarationNamesAnotherEncoding_StillReadsTheBytesAsUtf8()
    {
        // A string has no encoding: the declaration was ignored when bodies were strings, and must stay ignored for their bytes.
        var declared = Sample.Replace("<v2:invoice", "<?xml version=\"1.0\" encoding=\"windows-1251\"?><v2:invoice", StringComparison.Ordinal);

        var fromString = InvoiceBodyReader.Read(declared);
        var fromBytes = InvoiceBodyReader.Read(JsonBody(declared));

        Assert.That(fromBytes.Violations, Is.EqualTo(fromString.Violations));
        Assert.That(fromBytes.Document, Is.EqualTo(fromString.Document).Using<object>(SameJson));
    }

    [Test]
    public void InvoiceBodyReader_WhenTheBytesAreNotXml_GivesTheSameViolationAsTheString()
    {
        const string broken = "<v2:invoice xmlns:v2=\"v2.esf\"><date>01.01.2026</v2:invoice>";

        var fromBytes = InvoiceBodyReader.Read(JsonBody(broken));

        Assert.That(fromBytes.Violations.Select(v => (v.RuleId, v.Message)), Is.EqualTo(InvoiceBodyReader.Read(broken).Violations.Select(v => (v.RuleId, v.Message))));
        Assert.That(fromBytes.Document, Is.Null);
    }

    [Test]
    public void Utf8TextReader_WhenReadOneCharAtATime_GivesSurrogatePairsWhole()
    {
        const string text = "a😀ж\uFEFFz";
        using var reader = new Utf8TextReader(Encoding.UTF8.GetBytes(text));
        var read = new StringBuilder();
        var buffer = new char[1];

        while (reader.Read(buffer, 0, 1) == 1)
        {
            read.Append(buffer[0]);
        }

        Assert.That(read.ToString(), Is.EqualTo(text));
    }

    [Test]
    public void Hash_WhenTakenOverTheBytes_IsTheHashOfTheText()
    {
        var body = JsonBody(Sample);

        Assert.That(Sha256Hex.Of(body.Bytes.Span), Is.EqualTo(Sha256Hex.Of(Sample)));
        Assert.That(Sha256Hex.Of(body.Bytes.Span), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sample)))));
    }

    [Test]
    public void ThreadNameTable_WhenABodyBroughtThousandsOfNames_IsDroppedBeforeTheNextBody()
    {
        var hostile = "<v2:invoice xmlns:v2=\"v2.esf\">" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"<n{i}/>")) + "</v2:invoice>";
        InvoiceBodyReader.Read(JsonBody(Sample));

        InvoiceBodyReader.Read(JsonBody(hostile));
        var next = ThreadNameTable.ForNextDocument();

        Assert.That(next.Get("n4999"), Is.Null, "the hostile body's names are gone");
        Assert.That(InvoiceBodyReader.Read(JsonBody(Sample)).Violations, Is.Empty, "and the next body reads as ever");
    }

    /// <summary>A body as the REST binding makes it: from a JSON string, into a pooled buffer.</summary>
    private static Utf8Body JsonBody(string text) =>
        JsonSerializer.Deserialize<Holder>(JsonSerializer.SerializeToUtf8Bytes(new { body = text }), Web)!.Body;

    private static bool SameJson(object? a, object? b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    private static ReadOnlySequence<byte> InSegments(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var segment = new Segment(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), last);
            first ??= segment;
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    private sealed record Holder(Utf8Body Body);

    private sealed record StringHolder(string Body);

    private sealed record StringBatch(IReadOnlyList<StringItem> Items, string Certificate);

    private sealed record StringItem(string Body, string Version, string Signature, string SignatureType, IReadOnlyList<WarehouseLineRef>? WarehouseLines);
}
