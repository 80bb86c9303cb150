using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Invoices;

/// <summary>InvoiceByIdWithReasonRequest (decline, revoke, unrevoke): sessionId, signature, x509Certificate, idWithReasonList.</summary>
public sealed class InvoiceByIdWithReasonRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlElement("signature", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Signature { get; set; }

    [RequiredElement]
    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? X509Certificate { get; set; }

    [RequiredElement]
    [XmlArray("idWithReasonList", Form = XmlSchemaForm.Unqualified, Order = 4)]
    [XmlArrayItem("invoiceIdWithReason", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceIdWithReason>? IdWithReasonList { get; set; }
}

/// <summary>invoiceIdWithReason: id and «Причина совершения операции».</summary>
public sealed class InvoiceIdWithReason
{
    [XmlElement("id", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long Id { get; set; }

    [XmlElement("reason", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string Reason { get; set; } = "";
}

/// <summary>DeleteInvoiceByIdRequest: InvoiceByIdRequest's sessionId and idList, then signature and x509Certificate.</summary>
public sealed class DeleteInvoiceByIdRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlArray("idList", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("id", Form = XmlSchemaForm.Unqualified)]
    public List<long>? IdList { get; set; }

    [RequiredElement]
    [XmlElement("signature", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Signature { get; set; }

    [RequiredElement]
    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? X509Certificate { get; set; }
}
