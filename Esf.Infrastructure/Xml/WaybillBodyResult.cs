using Esf.Domain.Rules;
using Esf.Domain.Waybills;

namespace Esf.Infrastructure.Xml;

/// <summary>The typed view of a waybill body (null when it is not even XML) and every upload-stage violation found in it.</summary>
public sealed record WaybillBodyResult(WaybillDocument? Document, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsValid => Document is not null && Violations.Count == 0;
}
