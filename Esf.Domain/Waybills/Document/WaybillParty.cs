namespace Esf.Domain.Waybills.Document;

/// <summary>
/// The seller (поставщик, 13–17) or the buyer (получатель, 22–27) of a waybill, with its attorney (поверенный). Both sides share
/// the shape so that a return waybill, whose sides are the original deal's swapped, reads the same (docs/snt.md, ADR 0016).
/// </summary>
public sealed class WaybillParty
{
    /// <summary>ИИН/БИН (13 seller, 22 buyer); absent for a non-resident without one.</summary>
    public string? Tin { get; set; }

    /// <summary>Нерезидент (22.1 for the buyer; ours for the seller).</summary>
    public bool? NonResident { get; set; }

    /// <summary>Наименование (ours: the portal derives it from the ИИН/БИН).</summary>
    public string? Name { get; set; }

    /// <summary>Адрес (ours).</summary>
    public string? Address { get; set; }

    /// <summary>БИН структурного подразделения (15 seller, 24 buyer).</summary>
    public string? BranchTin { get; set; }

    /// <summary>БИН реорганизованного лица (16 seller, 25 buyer).</summary>
    public string? ReorganizedTin { get; set; }

    /// <summary>Код страны регистрации (27 for the buyer; ours for the seller).</summary>
    public string? CountryCode { get; set; }

    /// <summary>Категории (17 seller, 26 buyer): <c>COMMITTENT</c>, <c>LESSOR</c>, … ; null when the element is absent.</summary>
    public List<string>? Statuses { get; set; }

    /// <summary>Поверенный (оператор) of this party and the number and date of its document (46, 47 seller; 48, 49 buyer).</summary>
    public WaybillAgent? Agent { get; set; }

    public bool Has(string status) => Statuses?.Contains(status) == true;
}
