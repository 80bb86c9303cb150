namespace Esf.Infrastructure.Signatures;

/// <summary>
/// The holder roles an НУЦ РК certificate states as extended-key-usage OIDs (docs/security.md, "GOST and certificates",
/// with the source of each OID). A certificate without any of them (older keys, RSA keys of other CAs) has
/// <see cref="None"/> and is judged as before by its subject alone.
/// </summary>
[Flags]
public enum NcaRoles
{
    None = 0,

    /// <summary>1.2.398.3.3.4.1.1 — физическое лицо.</summary>
    Individual = 1,

    /// <summary>1.2.398.3.3.4.1.2 — юридическое лицо (every key of an entity's person carries it beside a role).</summary>
    LegalEntity = 2,

    /// <summary>1.2.398.3.3.4.1.2.1 — первый руководитель.</summary>
    Head = 4,

    /// <summary>1.2.398.3.3.4.1.2.2 — лицо, наделенное правом подписи.</summary>
    SigningRight = 8,

    /// <summary>1.2.398.3.3.4.1.2.3 — лицо, наделенное правом подписи финансовых документов.</summary>
    FinancialSigningRight = 16,

    /// <summary>1.2.398.3.3.4.1.2.4 — сотрудник отдела кадров.</summary>
    HumanResources = 32,

    /// <summary>1.2.398.3.3.4.1.2.5 — сотрудник организации.</summary>
    Employee = 64,

    /// <summary>1.2.398.3.3.4.1.2.6 — информационная система юридического лица (no person: no ИИН).</summary>
    InformationSystem = 128,

    /// <summary>1.2.398.5.19.1.2.2.1 — клиент казначейства (Казначейство-Клиент).</summary>
    TreasuryClient = 256,
}
