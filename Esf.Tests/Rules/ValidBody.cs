using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;

namespace Esf.Tests.Rules;

/// <summary>A fresh, valid invoice body for each rule test (the shared test invoice, parsed): each case changes one thing.</summary>
internal static class ValidBody
{
    public const string Date = "15.11.2026";
    public static readonly DateOnly Day = new(2026, 11, 15);
    public const string Seller = "123456789021";
    public const string Customer = "123456789011";

    public static InvoiceBody Create() => InvoiceXmlParser.Parse(TestInvoices.Build("1001", Date, Seller, Customer));

    public static InvoiceDocument Document(InvoiceBody body) => new() { Num = body.Num ?? "", DateText = body.Date ?? "", Body = body };
}
