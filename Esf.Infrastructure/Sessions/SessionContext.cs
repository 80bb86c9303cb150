using Esf.Domain.Employees;

namespace Esf.Infrastructure.Sessions;

/// <summary>An open session: who is acting (ИИН) and for which enterprise (ИИН/БИН).</summary>
public sealed record SessionContext(string SessionId, string Login, string Tin, string BusinessProfileType, string Certificate)
{
    /// <summary>
    /// What the person may do in the enterprise today (ADR 0037), loaded with the session: required, so that no way of making a
    /// session forgets it.
    /// </summary>
    public required EmployeeAuthority Authority { get; init; }

    /// <summary>Refuses the request (EMP-01) unless the person holds <paramref name="right"/> today.</summary>
    public void Demand(EmployeeRight right)
    {
        if (!Authority.Holds(right))
        {
            throw new Errors.RuleRefusal(Errors.EsfFaultKind.AccessDenied, Domain.Rules.EmployeeRules.RightMustBeHeld,
                $"нужно право «{right.RussianName()}» ({right.ToWire()}), пользователь {Login}, предприятие {Tin}");
        }
    }
}
