using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>The maps of the seller, customer and delivery-term blocks of an InvoiceV2 body.</summary>
internal static class PartyParser
{
    public static readonly ElementMap<Seller> Seller = new ElementMap<Seller>()
        .Text("address", (x, v) => x.Address = v)
        .Text("bank", (x, v) => x.Bank = v)
        .Text("bik", (x, v) => x.Bik = v)
        .Text("branchTin", (x, v) => x.BranchTin = v)
        .Text("certificateNum", (x, v) => x.CertificateNum = v)
        .Text("certificateSeries", (x, v) => x.CertificateSeries = v)
        .Text("countryCode", (x, v) => x.CountryCode = v)
        .Text("iik", (x, v) => x.Iik = v)
        .Bool("isBranchNonResident", (x, v) => x.IsBranchNonResident = v)
        .Text("kbe", (x, v) => x.Kbe = v)
        .Text("name", (x, v) => x.Name = v)
        .Text("ndscaBank", (x, v) => x.NdscaBank = v)
        .Text("ndscaBik", (x, v) => x.NdscaBik = v)
        .Text("ndscaIik", (x, v) => x.NdscaIik = v)
        .Text("ndscaKbe", (x, v) => x.NdscaKbe = v)
        .Text("reorganizedTin", (x, v) => x.ReorganizedTin = v)
        .Decimal("shareParticipation", (x, v) => x.ShareParticipation = v)
        .Texts("statuses", "status", (x, v) => x.Statuses = v)
        .Text("tin", (x, v) => x.Tin = v)
        .Text("trailer", (x, v) => x.Trailer = v);

    public static readonly ElementMap<Customer> Customer = new ElementMap<Customer>()
        .Text("address", (x, v) => x.Address = v)
        .Text("branchTin", (x, v) => x.BranchTin = v)
        .Text("countryCode", (x, v) => x.CountryCode = v)
        .Text("name", (x, v) => x.Name = v)
        .Text("reorganizedTin", (x, v) => x.ReorganizedTin = v)
        .Decimal("shareParticipation", (x, v) => x.ShareParticipation = v)
        .Texts("statuses", "status", (x, v) => x.Statuses = v)
        .Text("tin", (x, v) => x.Tin = v)
        .Text("trailer", (x, v) => x.Trailer = v);

    public static readonly ElementMap<DeliveryTerm> DeliveryTerm = new ElementMap<DeliveryTerm>()
        .Text("accountNumber", (x, v) => x.AccountNumber = v)
        .Text("contractDate", (x, v) => x.ContractDate = v)
        .Text("contractNum", (x, v) => x.ContractNum = v)
        .Text("deliveryConditionCode", (x, v) => x.DeliveryConditionCode = v)
        .Text("destination", (x, v) => x.Destination = v)
        .Bool("hasContract", (x, v) => x.HasContract = v)
        .Text("term", (x, v) => x.Term = v)
        .Text("transportTypeCode", (x, v) => x.TransportTypeCode = v)
        .Text("warrant", (x, v) => x.Warrant = v)
        .Text("warrantDate", (x, v) => x.WarrantDate = v);
}
