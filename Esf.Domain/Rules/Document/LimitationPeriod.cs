namespace Esf.Domain.Rules.Document;

/// <summary>
/// Срок исковой давности: the only figure the seeds give is 5 years (seed 001 L2235–2236, «в течение срока исковой давности (5 лет)»).
/// DL-08 (Table 17 case 18, a main invoice after its turnover) and DL-10 (a corrected invoice after its original) both use it; the
/// day exactly <see cref="Years"/> on is still inside.
/// </summary>
public static class LimitationPeriod
{
    public const int Years = 5;

    /// <summary>The last day inside the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly LastDay(DateOnly start) => start.AddYears(Years);
}
