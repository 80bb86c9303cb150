namespace Esf.Infrastructure.Participants;

/// <summary>
/// The Agreement on the use of ИС ЭСФ as this gateway has it signed: the participant's details (Agreement ch.5) and the
/// acceptance line. The client signs these exact UTF-8 bytes (RSA-SHA256, like an invoice body); an ЮЛ's head signs the
/// ЮЛ text with the entity's certificate as well as the person's.
/// </summary>
public static class ParticipantAgreement
{
    public static string Text(ParticipantKind kind, string iin, string tin, string name) => $"""
        Соглашение об использовании информационной системы электронных счетов-фактур
        Статус: {Status(kind)}
        ИИН: {iin}
        ИИН/БИН участника: {tin}
        Наименование: {name}
        Я {name} с условиями настоящего Соглашения согласен
        """;

    public static string Profile(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Individual => "INDIVIDUAL",
        ParticipantKind.Entrepreneur => "ENTREPRENEUR",
        _ => "ADMIN_ENTERPRISE",
    };

    private static string Status(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Individual => "Физическое лицо",
        ParticipantKind.Entrepreneur => "Индивидуальный предприниматель",
        _ => "Юридическое лицо",
    };
}
