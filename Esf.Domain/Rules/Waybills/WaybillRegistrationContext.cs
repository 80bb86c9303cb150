using Esf.Domain.Waybills;

namespace Esf.Domain.Rules.Waybills;

/// <summary>Everything a registration-stage waybill rule may read: the waybill, its signature and the registry (with its waybills).</summary>
public sealed record WaybillRegistrationContext(WaybillDocument Document, SignatureCheck Signature, IRegistryView Registry);
