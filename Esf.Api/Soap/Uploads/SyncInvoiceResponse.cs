using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Contracts;

namespace Esf.Api.Soap.Uploads;

/// <summary>syncInvoiceResponse: invoices queued for registration, and invoices refused by the upload checks.</summary>
public sealed class SyncInvoiceResponse
{
    [XmlArray("acceptedSet", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("standardResponse", Form = XmlSchemaForm.Unqualified)]
    public List<StandardResponse> AcceptedSet { get; set; } = [];

    [XmlArray("declinedSet", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("standardResponse", Form = XmlSchemaForm.Unqualified)]
    public List<StandardResponse> DeclinedSet { get; set; } = [];
}

/// <summary>StandardResponse: errors?, id?, num, date.</summary>
public sealed class StandardResponse
{
    /// <summary>Null rather than empty: the schema allows no empty &lt;errors/&gt;.</summary>
    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<ErrorContract>? Errors { get; set; }

    [XmlElement("id", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long? Id { get; set; }

    [XmlElement("num", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string Num { get; set; } = "";

    [XmlElement("date", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string Date { get; set; } = "";

    public bool ShouldSerializeId() => Id.HasValue;
}
