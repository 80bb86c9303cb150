using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Invoices;

/// <summary>enterpriseValidationRequest: sessionId, enterpriseKeyList/enterpriseKey+ (facts §7.12).</summary>
public sealed class EnterpriseValidationRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlArray("enterpriseKeyList", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("enterpriseKey", Form = XmlSchemaForm.Unqualified)]
    public List<EnterpriseKeyContract>? EnterpriseKeyList { get; set; }
}

/// <summary>EnterpriseKey: certificateSeries, certificateNum, tin, bik?, iik?.</summary>
public sealed class EnterpriseKeyContract
{
    [XmlElement("certificateSeries", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? CertificateSeries { get; set; }

    [XmlElement("certificateNum", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? CertificateNum { get; set; }

    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Tin { get; set; }

    [XmlElement("bik", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? Bik { get; set; }

    [XmlElement("iik", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? Iik { get; set; }
}

/// <summary>enterpriseValidationResponse: resultList/enterpriseValidationResult* (tin, resultType).</summary>
public sealed class EnterpriseValidationResponse
{
    [XmlArray("resultList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("enterpriseValidationResult", Form = XmlSchemaForm.Unqualified)]
    public List<EnterpriseValidationResultContract> ResultList { get; set; } = [];
}

/// <summary>EnterpriseValidationResult: tin, resultType.</summary>
public sealed class EnterpriseValidationResultContract
{
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string Tin { get; set; } = "";

    [XmlElement("resultType", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string ResultType { get; set; } = "";
}
