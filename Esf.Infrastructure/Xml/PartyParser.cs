using System.Xml.Linq;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>Reads the seller, customer and delivery-term blocks of an InvoiceV2 body.</summary>
internal static class PartyParser
{
    public static Seller Seller(XElement e) => new()
    {
        Address = e.Text("address"),
        Bank = e.Text("bank"),
        Bik = e.Text("bik"),
        BranchTin = e.Text("branchTin"),
        CertificateNum = e.Text("certificateNum"),
        CertificateSeries = e.Text("certificateSeries"),
        CountryCode = e.Text("countryCode"),
        Iik = e.Text("iik"),
        IsBranchNonResident = e.Bool("isBranchNonResident"),
        Kbe = e.Text("kbe"),
        Name = e.Text("name"),
        NdscaBank = e.Text("ndscaBank"),
        NdscaBik = e.Text("ndscaBik"),
        NdscaIik = e.Text("ndscaIik"),
        NdscaKbe = e.Text("ndscaKbe"),
        ReorganizedTin = e.Text("reorganizedTin"),
        ShareParticipation = e.Decimal("shareParticipation"),
        Statuses = e.List("statuses", "status", s => s.Value),
        Tin = e.Text("tin"),
        Trailer = e.Text("trailer"),
    };

    public static Customer Customer(XElement e) => new()
    {
        Address = e.Text("address"),
        BranchTin = e.Text("branchTin"),
        CountryCode = e.Text("countryCode"),
        Name = e.Text("name"),
        ReorganizedTin = e.Text("reorganizedTin"),
        ShareParticipation = e.Decimal("shareParticipation"),
        Statuses = e.List("statuses", "status", s => s.Value),
        Tin = e.Text("tin"),
        Trailer = e.Text("trailer"),
    };

    public static DeliveryTerm DeliveryTerm(XElement e) => new()
    {
        AccountNumber = e.Text("accountNumber"),
        ContractDate = e.Text("contractDate"),
        ContractNum = e.Text("contractNum"),
        DeliveryConditionCode = e.Text("deliveryConditionCode"),
        Destination = e.Text("destination"),
        HasContract = e.Bool("hasContract"),
        Term = e.Text("term"),
        TransportTypeCode = e.Text("transportTypeCode"),
        Warrant = e.Text("warrant"),
        WarrantDate = e.Text("warrantDate"),
    };
}
