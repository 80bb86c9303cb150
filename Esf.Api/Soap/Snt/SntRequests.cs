using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Snt;

/// <summary>uploadSntRequest: sessionId, the waybills, and the one certificate that signed them (as syncInvoiceRequest).</summary>
public sealed class UploadSntRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlArray("sntUploadInfoList", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("sntUploadInfo", Form = XmlSchemaForm.Unqualified)]
    public List<SntUploadInfo>? SntUploadInfoList { get; set; }

    [RequiredElement]
    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? X509Certificate { get; set; }
}

/// <summary>
/// sntUploadInfo (xs:all, like invoiceUploadInfo): the SntV1 body exactly as signed (kept as read: the signature covers it),
/// "SntV1", the Base64 signature and who signed. A missing child is passed on empty and the upload checks decline that waybill.
/// </summary>
public sealed class SntUploadInfo
{
    [XmlElement("sntBody", Form = XmlSchemaForm.Unqualified)]
    public string? SntBody { get; set; }

    [XmlElement("version", Form = XmlSchemaForm.Unqualified)]
    public string? Version { get; set; }

    [XmlElement("signature", Form = XmlSchemaForm.Unqualified)]
    public string? Signature { get; set; }

    [XmlElement("signatureType", Form = XmlSchemaForm.Unqualified)]
    public string? SignatureType { get; set; }
}

/// <summary>
/// The request of every signed operation (receive, confirm, decline, revoke, confirm by an ОГД inspector): sessionId, the Base64
/// signature over the id list (<c>id|reason</c> lines, or <c>id</c> without a reason, as for invoices), its certificate, and
/// the ids with their reasons.
/// </summary>
public sealed class SignedSntIdListRequest
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
    [XmlArrayItem("sntIdWithReason", Form = XmlSchemaForm.Unqualified)]
    public List<SntIdWithReason>? IdWithReasonList { get; set; }
}

/// <summary>sntIdWithReason: the waybill's id and «Причина» (required to decline or revoke, absent otherwise).</summary>
public sealed class SntIdWithReason
{
    [XmlElement("id", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long Id { get; set; }

    [XmlElement("reason", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Reason { get; set; }
}

/// <summary>
/// searchSntRequest: the REST search's criteria (GET /api/v1/snt): side (OUTBOUND, INBOUND, or any when absent), status, the
/// waybill's date range (xs:date), and an id-keyed page (afterId, limit; the answer's next is the following afterId).
/// </summary>
public sealed class SearchSntRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [XmlElement("side", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Side { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Status { get; set; }

    [XmlElement("dateFrom", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? DateFrom { get; set; }

    [XmlElement("dateTo", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? DateTo { get; set; }

    [XmlElement("afterId", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public long? AfterId { get; set; }

    [XmlElement("limit", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public int? Limit { get; set; }

    public bool ShouldSerializeAfterId() => AfterId.HasValue;

    public bool ShouldSerializeLimit() => Limit.HasValue;
}
