using System.Xml;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>Writes seller, customer and delivery-term blocks in schema (alphabetical) order.</summary>
internal static class PartyXmlWriter
{
    public static void Seller(XmlWriter w, Seller s)
    {
        w.Opt("address", s.Address);
        w.Opt("bank", s.Bank);
        w.Opt("bik", s.Bik);
        w.Opt("branchTin", s.BranchTin);
        w.Opt("certificateNum", s.CertificateNum);
        w.Opt("certificateSeries", s.CertificateSeries);
        w.Opt("countryCode", s.CountryCode);
        w.Opt("iik", s.Iik);
        w.Opt("isBranchNonResident", s.IsBranchNonResident);
        w.Opt("kbe", s.Kbe);
        w.Opt("name", s.Name);
        w.Opt("ndscaBank", s.NdscaBank);
        w.Opt("ndscaBik", s.NdscaBik);
        w.Opt("ndscaIik", s.NdscaIik);
        w.Opt("ndscaKbe", s.NdscaKbe);
        w.Opt("reorganizedTin", s.ReorganizedTin);
        w.Opt("shareParticipation", s.ShareParticipation);
        w.List("statuses", "status", s.Statuses, (x, v) => x.WriteString(v));
        w.Opt("tin", s.Tin);
        w.Opt("trailer", s.Trailer);
    }

    public static void Customer(XmlWriter w, Customer c)
    {
        w.Opt("address", c.Address);
        w.Opt("branchTin", c.BranchTin);
        w.Opt("countryCode", c.CountryCode);
        w.Opt("name", c.Name);
        w.Opt("reorganizedTin", c.ReorganizedTin);
        w.Opt("shareParticipation", c.ShareParticipation);
        w.List("statuses", "status", c.Statuses, (x, v) => x.WriteString(v));
        w.Opt("tin", c.Tin);
        w.Opt("trailer", c.Trailer);
    }

    public static void DeliveryTerm(XmlWriter w, DeliveryTerm d)
    {
        w.Opt("accountNumber", d.AccountNumber);
        w.Opt("contractDate", d.ContractDate);
        w.Opt("contractNum", d.ContractNum);
        w.Opt("deliveryConditionCode", d.DeliveryConditionCode);
        w.Opt("destination", d.Destination);
        w.Opt("hasContract", d.HasContract);
        w.Opt("term", d.Term);
        w.Opt("transportTypeCode", d.TransportTypeCode);
        w.Opt("warrant", d.Warrant);
        w.Opt("warrantDate", d.WarrantDate);
    }
}
