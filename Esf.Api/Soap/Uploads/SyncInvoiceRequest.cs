using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Uploads;

/// <summary>syncInvoiceRequest: sessionId, the invoices, and the one certificate that signed them.</summary>
public sealed class SyncInvoiceRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlArray("invoiceUploadInfoList", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("invoiceUploadInfo", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceUploadInfo>? InvoiceUploadInfoList { get; set; }

    [RequiredElement]
    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? X509Certificate { get; set; }
}

/// <summary>
/// invoiceUploadInfo is an xs:all: its children may come in any order, so no Order is declared here.
/// invoiceBody is kept exactly as read (CDATA or escaped text, no trimming): it is what the signature covers.
/// </summary>
public sealed class InvoiceUploadInfo
{
    [RequiredElement]
    [XmlElement("invoiceBody", Form = XmlSchemaForm.Unqualified)]
    public string? InvoiceBody { get; set; }

    [RequiredElement]
    [XmlElement("version", Form = XmlSchemaForm.Unqualified)]
    public string? Version { get; set; }

    [RequiredElement]
    [XmlElement("signature", Form = XmlSchemaForm.Unqualified)]
    public string? Signature { get; set; }

    [RequiredElement]
    [XmlElement("signatureType", Form = XmlSchemaForm.Unqualified)]
    public string? SignatureType { get; set; }
}
