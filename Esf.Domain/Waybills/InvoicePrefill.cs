using System.Globalization;
using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills.Document;
using static Esf.Domain.Rules.Document.Categories;

namespace Esf.Domain.Waybills;

/// <summary>
/// The seed's Tables 28 and 29 as one pure function: the InvoiceV2 body an invoice issued on a registered waybill starts from,
/// ready to complete (1.1, operator), sign and upload. Table 28 (a primary or corrected waybill) gives a main invoice, or a
/// corrected one when it corrects the invoice issued on the primary; Table 29 (a return waybill) gives an additional invoice
/// with negative amounts. The same body is the reference of the read-only checks (spec-snt §8.2, <c>SntBasis</c>).
/// A field follows its party: on a return waybill the seller is the original buyer, so the invoice's supplier is taken from
/// the waybill's buyer and its customer from the waybill's seller (ADR 0016).
/// </summary>
public static class InvoicePrefill
{
    /// <param name="waybill">A registered waybill (with its 42-digit number).</param>
    /// <param name="issueDate">Field 2, set by the system: the day the invoice is issued.</param>
    /// <param name="original">
    /// The invoice corrected (a corrected waybill: the main invoice issued on its primary) or adjusted (a return waybill: the
    /// invoice issued on the waybill returned); null for a main invoice.
    /// </param>
    public static InvoiceDocument For(WaybillDocument waybill, DateOnly issueDate, RelatedInvoice? original = null)
    {
        var number = waybill.RegistrationNumber
            ?? throw new ArgumentException("Only a registered waybill is the basis of an invoice.", nameof(waybill));
        var type = waybill.Type ?? throw new ArgumentException("The waybill has no known type.", nameof(waybill));
        var isReturn = type == WaybillType.Return;
        if (isReturn && original is null)
        {
            throw new ArgumentException("An additional invoice for a return refers to the invoice it adjusts.", nameof(original));
        }

        if (type == WaybillType.Primary && original is not null)
        {
            throw new ArgumentException("A primary waybill is the basis of a main invoice only (a corrected invoice needs a corrected waybill).",
                nameof(original));
        }

        var body = waybill.Body;
        var (sellerSide, customerSide) = isReturn ? (body.Customer, body.Seller) : (body.Seller, body.Customer);
        return InvoiceDocument.Of(new InvoiceBody
        {
            Date = issueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            InvoiceType = isReturn ? "ADDITIONAL_INVOICE" : original is null ? "ORDINARY_INVOICE" : "FIXED_INVOICE",
            RelatedInvoice = original,
            TurnoverDate = isReturn ? body.Date : body.ShippingDate,
            Consignee = new Consignee
            {
                Tin = body.Consignee.Tin, Name = body.Consignee.Name, Address = body.Consignee.Address, CountryCode = body.Consignee.CountryCode,
            },
            Consignor = new Consignor { Tin = body.Consignor.Tin, Name = body.Consignor.Name, Address = body.Consignor.Address },
            CustomerAgentDocDate = Agent(customerSide)?.DocDate,
            CustomerAgentDocNum = Agent(customerSide)?.DocNum,
            CustomerAgentTin = Agent(customerSide)?.Tin,
            Customers = [Customer(customerSide)],
            DeliveryDocDate = body.Date,
            DeliveryDocNum = number,
            DeliveryTerm = Terms(body),
            ProductSet = Goods(body.ProductSet, isReturn ? -1m : 1m),
            SellerAgentDocDate = Agent(sellerSide)?.DocDate,
            SellerAgentDocNum = Agent(sellerSide)?.DocNum,
            SellerAgentTin = Agent(sellerSide)?.Tin,
            Sellers = [Seller(sellerSide, waybill.Movement == WaybillMovement.Export)],
        });
    }

    /// <summary>Sections I and J: the attorney, when its document's number and date are filled (R080–R085).</summary>
    private static WaybillAgent? Agent(WaybillParty party) =>
        party.Agent is { } agent && !agent.DocNum.IsBlank() && !agent.DocDate.IsBlank() ? agent : null;

    private static Seller Seller(WaybillParty party, bool export) => new()
    {
        Tin = party.Tin,
        BranchTin = party.BranchTin,
        ReorganizedTin = party.ReorganizedTin,
        Name = party.Name,
        Address = party.Address,
        CountryCode = party.CountryCode,
        Statuses = ReadOnlyCategories(party, WaybillCategories.Seller, export ? Exporter : null),
    };

    private static Customer Customer(WaybillParty party) => new()
    {
        Tin = party.Tin,
        BranchTin = party.BranchTin,
        ReorganizedTin = party.ReorganizedTin,
        Name = party.Name,
        Address = party.Address,
        CountryCode = party.CountryCode,
        Statuses = ReadOnlyCategories(party, WaybillCategories.Customer, party.NonResident == true ? NonResident : null),
    };

    /// <summary>The party's categories the invoice shows read-only, plus the one set from a flag; null (no element) when none.</summary>
    private static List<string>? ReadOnlyCategories(WaybillParty party, IReadOnlyList<string> readOnly, string? flag)
    {
        List<string> statuses = [.. readOnly.Where(party.Has), .. flag is null ? [] : new[] { flag }];
        return statuses.Count > 0 ? statuses : null;
    }

    private static DeliveryTerm Terms(WaybillBody body) => new()
    {
        HasContract = body.Contract.HasContract,
        ContractNum = body.Contract.Num,
        ContractDate = body.Contract.Date,
        Term = body.Contract.PaymentTerms,
        // «В случае отметки f. Мультимодальный в поле 39.1 … поле 29 не заполнять» (R050): left to the issuer.
        TransportTypeCode = body.Shipping.TransportType == WaybillTypeNames.Multimodal ? null : body.Shipping.TransportType,
        Warrant = body.Contract.WarrantNum,
        WarrantDate = body.Contract.WarrantDate,
        DeliveryConditionCode = body.Contract.DeliveryCondition,
    };

    private static ProductSet Goods(WaybillProductSet goods, decimal sign)
    {
        var lines = goods.Products.Select(p => Line(p, sign)).ToList();
        return new ProductSet
        {
            CurrencyCode = goods.CurrencyCode,
            CurrencyRate = goods.CurrencyRate,
            Products = lines,
            TotalPriceWithoutTax = lines.Sum(p => p.PriceWithoutTax ?? 0m),
            TotalExciseAmount = lines.Sum(p => p.ExciseAmount ?? 0m),
            TotalTurnoverSize = lines.Sum(p => p.TurnoverSize ?? 0m),
            TotalNdsAmount = lines.Sum(p => p.NdsAmount ?? 0m),
            TotalPriceWithTax = lines.Sum(p => p.PriceWithTax ?? 0m),
        };
    }

    /// <summary>
    /// One line of section G. G8 and G10 are copied, G11 = G8 + G10, G13 = G11 × G12 / 100 and G14 = G11 + G13 are computed as
    /// G-06 checks them (spec-snt §10.13, §10.14); on a return the quantity and the amounts are negative (R135, R142, R143).
    /// </summary>
    private static Product Line(WaybillProduct p, decimal sign)
    {
        var withoutTax = sign * (p.PriceWithoutTax ?? 0m);
        var excise = sign * p.ExciseAmount;
        var turnover = withoutTax + (excise ?? 0m);
        var vat = p.NdsRate is { } rate ? Math.Round(turnover * rate / 100m, 2, MidpointRounding.AwayFromZero) : 0m;
        return new Product
        {
            ProductNumberInSnt = p.Key,
            TruOriginCode = p.TruOriginCode,
            Description = p.Name,
            TnvedName = p.OriginIn("1", "2") ? p.TnvedName : null,
            UnitCode = p.TnvedCode,
            UnitNomenclature = p.MeasureUnitCode,
            Quantity = sign * p.Quantity,
            UnitPrice = p.UnitPrice,
            PriceWithoutTax = withoutTax,
            ExciseRate = p.ExciseRate,
            ExciseAmount = excise,
            TurnoverSize = turnover,
            NdsRate = p.NdsRate,
            NdsAmount = vat,
            PriceWithTax = turnover + vat,
            ProductDeclaration = p.ProductDeclaration,
            ProductNumberInDeclaration = p.ProductNumberInDeclaration,
            CatalogTruId = p.CatalogTruId,
            Additional = p.Additional,
        };
    }

    private static bool OriginIn(this WaybillProduct p, params string[] codes) => codes.Contains(p.TruOriginCode);
}
