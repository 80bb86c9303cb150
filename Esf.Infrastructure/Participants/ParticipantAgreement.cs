namespace Esf.Infrastructure.Participants;

/// <summary>
/// The Agreement on the use of ИС ЭСФ as this gateway has it signed: the participant's details (Agreement ch.5) and the
/// acceptance line. The client signs these exact UTF-8 bytes (RSA-SHA256, like an invoice body); an ЮЛ's head signs the
/// ЮЛ text with the entity's certificate as well as the person's. The last line carries the nonce the gateway issued with the
/// text, so a signature registers once (security review M6).
/// </summary>
public static class ParticipantAgreement
{
    public static string Text(ParticipantKind kind, string iin, string tin, string name, string nonce) => $"""
        Соглашение об использовании информационной системы электронных счетов-фактур
        Статус: {Status(kind)}
        ИИН: {iin}
        ИИН/БИН участника: {tin}
        Наименование: {name}
        Я {name} с условиями настоящего Соглашения согласен
        Код запроса: {nonce}
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
