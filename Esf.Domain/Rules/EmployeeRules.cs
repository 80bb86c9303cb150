namespace Esf.Domain.Rules;

/// <summary>
/// Who may act inside an enterprise (Rules p.11, Agreement p.9–12; ADR 0037). The seeds name no errors for these cases: the
/// ids (<c>EMP-</c>) and texts are ours; the errorCodes are the real API's where it has one (NO_REQUIRED_PERMISSIONS, USER_BLOCKED).
/// </summary>
public static class EmployeeRules
{
    private const string Basis = "Rules p.11; Agreement p.10–12; spec-rest §1.7; our id";

    public static readonly RuleDefinition RightMustBeHeld = new(
        "EMP-01", "NO_REQUIRED_PERMISSIONS",
        "У пользователя нет действующего права на операцию в этом предприятии",
        "The user holds no right in force for this operation in this enterprise", RuleStage.Upload)
    {
        LegalBasis = Basis,
        Decision = "Checked once per request against the rights loaded with the session, on the enterprise's day (Kazakhstan time): " +
            "a right outside its term is not held. A head holds every right.",
    };

    public static readonly RuleDefinition UserMustNotBeBlocked = new(
        "EMP-02", "USER_BLOCKED",
        "Пользователь заблокирован руководителем предприятия",
        "The head of the enterprise blocked this user in it", RuleStage.Upload)
    {
        LegalBasis = Basis,
        Decision = "A block is per enterprise: the same person keeps working for the other enterprises it belongs to. Its open sessions " +
            "for the enterprise are refused from the next request on.",
    };

    public static readonly RuleDefinition EntrepreneurEmployeeMustNotSign = new(
        "EMP-03", "NO_REQUIRED_PERMISSIONS",
        "Уполномоченное лицо индивидуального предпринимателя не наделяется правом заверения ЭСФ",
        "An entrepreneur's authorised person cannot be given the right to sign", RuleStage.Upload)
    {
        LegalBasis = "Rules p.11 («без права заверения ЭСФ»); our id",
    };

    public static readonly RuleDefinition OnlyHeadManagesPeople = new(
        "EMP-04", "NO_REQUIRED_PERMISSIONS",
        "Сотрудниками и их правами управляет только руководитель предприятия",
        "Only the head of the enterprise manages its employees and their rights", RuleStage.Upload)
    {
        LegalBasis = "Rules p.11; Agreement p.10; our id",
        Decision = "In a session, not with an API key: a key is a machine, not the head (as for powers of attorney). A head's own " +
            "membership, and another head's, is not managed here: it comes from the registry or the change of head.",
    };

    public static readonly RuleDefinition EmployeeMustBeRegisteredUser = new(
        "EMP-05", "USER_NOT_FOUND",
        "Пользователь с таким ИИН не зарегистрирован в ИС ЭСФ",
        "No user with this ИИН is registered in the ESF system", RuleStage.Upload)
    {
        LegalBasis = "Rules p.9–10 (a person registers before it works in ИС ЭСФ); our id",
    };

    public static IReadOnlyList<RuleDefinition> All { get; } =
        [RightMustBeHeld, UserMustNotBeBlocked, EntrepreneurEmployeeMustNotSign, OnlyHeadManagesPeople, EmployeeMustBeRegisteredUser];
}
