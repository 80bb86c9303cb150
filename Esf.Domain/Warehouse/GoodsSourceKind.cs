namespace Esf.Domain.Warehouse;

/// <summary>
/// The kind of document a goods line comes from: the balance column «№ ДТ, ФНО 328.00, СТ-КЗ, СТ-1» (spec-rest §2.4), the
/// same documents ESF column G15 names (Rules p.70).
/// </summary>
public enum GoodsSourceKind
{
    /// <summary>Декларация на товары (ДТ), from customs.</summary>
    CustomsDeclaration = 1,
    /// <summary>ФНО 328.00, the application for import of goods and payment of indirect taxes.</summary>
    ImportApplication = 2,
    /// <summary>Сертификат о происхождении товара СТ-KZ (goods produced in Kazakhstan).</summary>
    OriginCertificateKz = 3,
    /// <summary>Сертификат о происхождении товара СТ-1 (goods of the CIS).</summary>
    OriginCertificateSt1 = 4,
}
