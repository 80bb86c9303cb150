namespace Esf.Domain.Invoices.Document;

/// <summary>
/// The complete InvoiceV2 body (esf-api-facts §11): every element, in schema order (the inherited AbstractInvoice part first,
/// then alphabetical). Text stays text (dates are <c>dd.MM.yyyy</c> strings, parsed on demand), amounts are decimals with the
/// scale they were written with; <c>null</c> means the element is absent. Mutable on purpose: it is a document, not an aggregate.
/// </summary>
public sealed class InvoiceBody
{
    public string? Date { get; set; }
    public string? InvoiceType { get; set; }
    public string? Num { get; set; }
    public string? OperatorFullname { get; set; }
    public RelatedInvoice? RelatedInvoice { get; set; }
    public string? TurnoverDate { get; set; }

    /// <summary>Дополнительные сведения (K 43).</summary>
    public string? AddInf { get; set; }
    public Consignee? Consignee { get; set; }
    public Consignor? Consignor { get; set; }
    /// <summary>Поверенный (оператор) получателя (J 39–42.2).</summary>
    public string? CustomerAgentAddress { get; set; }
    public string? CustomerAgentDocDate { get; set; }
    public string? CustomerAgentDocNum { get; set; }
    public string? CustomerAgentName { get; set; }
    public string? CustomerAgentTin { get; set; }
    /// <summary>Участники совместной деятельности получателя (H); null when the element is absent.</summary>
    public List<Participant>? CustomerParticipants { get; set; }
    public List<Customer> Customers { get; set; } = [];
    /// <summary>Дата выписки на бумажном носителе (2.1).</summary>
    public string? DatePaper { get; set; }
    public string? DeliveryDocDate { get; set; }
    public string? DeliveryDocDate2 { get; set; }
    public string? DeliveryDocNum { get; set; }
    public string? DeliveryDocNum2 { get; set; }
    public DeliveryTerm? DeliveryTerm { get; set; }
    public ProductSet ProductSet { get; set; } = new();
    public PublicOffice? PublicOffice { get; set; }
    /// <summary>Причина выписки на бумажном носителе: DOWN_TIME | MISSING_REQUIREMENT | UNLAWFUL_REMOVAL_REGISTRATION.</summary>
    public string? ReasonPaper { get; set; }
    /// <summary>Поверенный (оператор) поставщика (I 35–38.2).</summary>
    public string? SellerAgentAddress { get; set; }
    public string? SellerAgentDocDate { get; set; }
    public string? SellerAgentDocNum { get; set; }
    public string? SellerAgentName { get; set; }
    public string? SellerAgentTin { get; set; }
    public List<Participant>? SellerParticipants { get; set; }
    public List<Seller> Sellers { get; set; } = [];
}
