using System.Net;
using System.Xml.Linq;

namespace Esf.Tests.Soap;

/// <summary>A raw HTTP answer of a SOAP endpoint, with the few XML look-ups the tests need.</summary>
/// <param name="DuplicateOf">The gateway's X-Esf-Duplicate-Of header, outside the envelope old clients read (ADR 0020).</param>
public sealed record SoapReply(HttpStatusCode Status, string? ContentType, string Body, string? DuplicateOf = null)
{
    public XDocument Xml => XDocument.Parse(Body, LoadOptions.PreserveWhitespace);

    public string? FaultCode => Element("faultcode");

    public string? FaultString => Element("faultstring");

    /// <summary>The text of the first element with this local name (children are unqualified, so the name is enough).</summary>
    public string? Element(string localName) => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public IReadOnlyList<string> Elements(string localName) =>
        [.. Xml.Descendants().Where(e => e.Name.LocalName == localName).Select(e => e.Value)];

    public override string ToString() => $"{(int)Status} {ContentType}: {Body}";
}
