using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Invoices;

/// <summary>QueryInvoiceResponse (queryInvoiceByIdResponse): lastBlock, currPage, rsCount, invoiceInfoList.</summary>
public sealed class QueryInvoiceResponse
{
    [XmlElement("lastBlock", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public bool LastBlock { get; set; }

    [XmlElement("currPage", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public int CurrPage { get; set; }

    [XmlElement("rsCount", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public int RsCount { get; set; }

    [XmlArray("invoiceInfoList", Form = XmlSchemaForm.Unqualified, Order = 4)]
    [XmlArrayItem("invoiceInfo", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceInfo> InvoiceInfoList { get; set; } = [];
}
