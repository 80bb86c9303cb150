using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Xml;
using Esf.Tests.Rules;

namespace Esf.Tests.Infrastructure;

/// <summary>Valid SntV1 bodies for tests: the contract sample (contracts/samples/snt-v1.xml) between given parties, dated today, with a fresh number.</summary>
public static class TestWaybills
{
    /// <param name="consigneeTin">The consignee (34); the buyer when null.</param>
    public static string Build(string sellerTin, string customerTin, string? consigneeTin = null, Action<WaybillBody>? change = null)
    {
        var body = ValidWaybill.Create();
        (body.Num, body.Date, body.ShippingDate) = (TestTenant.UniqueNum(), TestInvoices.Today, TestInvoices.Today);
        (body.Seller.Tin, body.Consignor.Tin) = (sellerTin, sellerTin);
        (body.Customer.Tin, body.Consignee.Tin) = (customerTin, consigneeTin ?? customerTin);
        change?.Invoke(body);
        return WaybillXmlWriter.Write(body);
    }

    /// <summary>The REST upload body (POST /api/v1/snt) of waybills signed by <paramref name="tenant"/>.</summary>
    public static object UploadBody(TestTenant tenant, params string[] bodies) => new
    {
        certificate = tenant.CertificateBase64,
        waybills = bodies.Select(body => new { body, version = "SntV1", signature = tenant.Sign(body), signatureType = "COMPANY" }),
    };
}
