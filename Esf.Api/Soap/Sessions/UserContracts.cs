using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Sessions;

/// <summary>User of currentUserResponse, children in WSDL order (esf-api-facts §3.7); unknown optional fields are left out.</summary>
public sealed class UserContract
{
    [XmlElement("login", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string Login { get; set; } = "";

    [XmlElement("email", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Email { get; set; }

    [XmlElement("mobile", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Mobile { get; set; }

    [XmlElement("issueDate", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? IssueDate { get; set; }

    [XmlElement("issuedBy", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? IssuedBy { get; set; }

    [XmlElement("passportNum", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? PassportNum { get; set; }

    /// <summary>userStatusType: ACTIVE, BLOCKED, ….</summary>
    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public string Status { get; set; } = "";

    [XmlElement("reason", Form = XmlSchemaForm.Unqualified, Order = 8)]
    public string? Reason { get; set; }

    [XmlElement("taxpayer", Form = XmlSchemaForm.Unqualified, Order = 9)]
    public TaxpayerContract Taxpayer { get; set; } = new();
}

/// <summary>Taxpayer, children in WSDL order; headOffice, accounts, names split by part and budgetIin are not kept by the gateway.</summary>
public sealed class TaxpayerContract
{
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string Tin { get; set; } = "";

    [XmlElement("nameRu", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? NameRu { get; set; }

    [XmlElement("nameKz", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? NameKz { get; set; }

    [XmlElement("addressRu", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? AddressRu { get; set; }

    [XmlElement("certificateSeries", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? CertificateSeries { get; set; }

    [XmlElement("certificateNum", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? CertificateNum { get; set; }

    [XmlElement("resident", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public bool Resident { get; set; }

    /// <summary>EnterpriseType: NOT_SET, INDIVIDUAL, INDIVIDUAL_ENTREPRENEUR, PRIVATE_ENTERPRISE, STATE_ENTERPRISE.</summary>
    [XmlElement("type", Form = XmlSchemaForm.Unqualified, Order = 8)]
    public string? Type { get; set; }

    [XmlElement("resourceUser", Form = XmlSchemaForm.Unqualified, Order = 9)]
    public bool ResourceUser { get; set; }

    [XmlElement("kogd", Form = XmlSchemaForm.Unqualified, Order = 10)]
    public string? Kogd { get; set; }
}
