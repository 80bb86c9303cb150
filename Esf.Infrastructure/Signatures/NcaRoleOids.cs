namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Reads <see cref="NcaRoles"/> from extended-key-usage OIDs and says what each role may do in ИС ЭСФ. Sources: the НУЦ РК
/// rules (adilet.zan.kz V2000021440) as listed by the Kalkan SDK wrappers, and the НУЦ РК test certificates of
/// shared/reference/kz-gost-test-pki (docs/security.md has the table and where each OID was seen).
/// </summary>
public static class NcaRoleOids
{
    private static readonly Dictionary<string, NcaRoles> Roles = new(StringComparer.Ordinal)
    {
        ["1.2.398.3.3.4.1.1"] = NcaRoles.Individual,
        ["1.2.398.3.3.4.1.2"] = NcaRoles.LegalEntity,
        ["1.2.398.3.3.4.1.2.1"] = NcaRoles.Head,
        ["1.2.398.3.3.4.1.2.2"] = NcaRoles.SigningRight,
        ["1.2.398.3.3.4.1.2.3"] = NcaRoles.FinancialSigningRight,
        ["1.2.398.3.3.4.1.2.4"] = NcaRoles.HumanResources,
        ["1.2.398.3.3.4.1.2.5"] = NcaRoles.Employee,
        ["1.2.398.3.3.4.1.2.6"] = NcaRoles.InformationSystem,
        ["1.2.398.5.19.1.2.2.1"] = NcaRoles.TreasuryClient,
    };

    /// <summary>The roles whose key may sign for its entity (COMPANY, Rules p.79 row 44): the head, those given the right to sign (financial documents included) and the entity's information system.</summary>
    private const NcaRoles SignForEntity = NcaRoles.Head | NcaRoles.SigningRight | NcaRoles.FinancialSigningRight | NcaRoles.InformationSystem;

    public static NcaRoles Of(IEnumerable<string?> extendedKeyUsages) =>
        extendedKeyUsages.Aggregate(NcaRoles.None, (roles, oid) => roles | (oid is not null ? Roles.GetValueOrDefault(oid) : NcaRoles.None));

    /// <summary>
    /// True when a key of an entity may sign an invoice as the entity (COMPANY). Employees and HR staff may log in and work,
    /// but sign for the enterprise only as OPERATOR under a power of attorney (Rules, agreement p.9–11). A key without NCA
    /// roles is judged by its subject alone, as before.
    /// </summary>
    public static bool MaySignForEntity(NcaRoles roles) => roles == NcaRoles.None || (roles & SignForEntity) != 0;

    /// <summary>True when the key identifies a person who may log in: every NCA role but an information system (it names no ИИН).</summary>
    public static bool MayLogIn(NcaRoles roles) => (roles & NcaRoles.InformationSystem) == 0;

    /// <summary>True when the certificate carries any НУЦ РК role, i.e. it was issued under the НУЦ РК profiles.</summary>
    public static bool IsNcaProfile(NcaRoles roles) => roles != NcaRoles.None;
}
