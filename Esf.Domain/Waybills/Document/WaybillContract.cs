namespace Esf.Domain.Waybills.Document;

/// <summary>Договор (контракт), условия поставки и доверенность на поставку.</summary>
public sealed class WaybillContract
{
    /// <summary>44а «Договор (контракт) или приложение к договору» (true) / 44b «Без договора (контракта)» (false).</summary>
    public bool? HasContract { get; set; }

    /// <summary>44.1 Номер.</summary>
    public string? Num { get; set; }

    /// <summary>44.2 Дата.</summary>
    public string? Date { get; set; }

    /// <summary>45 Условия поставки (ИНКОТЕРМС).</summary>
    public string? DeliveryCondition { get; set; }

    /// <summary>45.a Условия оплаты по договору.</summary>
    public string? PaymentTerms { get; set; }

    /// <summary>83.2 Номер доверенности.</summary>
    public string? WarrantNum { get; set; }

    /// <summary>83.3 Дата доверенности.</summary>
    public string? WarrantDate { get; set; }
}
