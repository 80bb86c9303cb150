using Esf.Domain.Rules;
using Esf.Domain.Rules.Waybills;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;

namespace Esf.Tests.Rules;

/// <summary>One waybill rule case: the sample waybill, a registry that knows its parties, and the seller's valid signature.</summary>
internal sealed class WaybillRuleCase
{
    public WaybillBody Body { get; set; } = ValidWaybill.Create();

    public FakeRegistryView Registry { get; } = new();

    public SignatureCheck Signature { get; set; } = new(true, "870101300123", ValidBody.Seller);

    public WaybillDocument Document => new(Body);

    public WaybillRegistrationContext Context => new(Document, Signature, Registry);
}
