using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Xml;

namespace Esf.Tests.Rules;

/// <summary>A fresh copy of the contract sample (contracts/samples/snt-v1.xml) for each test: a primary waybill with three lines.</summary>
internal static class ValidWaybill
{
    public static string SampleText => File.ReadAllText(Path.Combine(TestServices.RepositoryRoot, "contracts", "samples", "snt-v1.xml"));

    public static WaybillBody Create() => WaybillXmlParser.Parse(SampleText);
}
