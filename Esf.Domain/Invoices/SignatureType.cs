namespace Esf.Domain.Invoices;

/// <summary>Whose signature certifies the invoice (esf-api-facts §9.3).</summary>
public enum SignatureType
{
    /// <summary>ЭЦП юридического лица: the seller's own key.</summary>
    Company,
    /// <summary>ЭЦП лица, уполномоченного подписывать счета-фактуры.</summary>
    Operator,
}
