namespace Esf.Domain.Waybills.Document;

/// <summary>Сведения о транспортировке.</summary>
public sealed class WaybillShipping
{
    /// <summary>
    /// Вид транспорта (39.1): a code of the transport-type classifier, the one invoice field 29 uses, or <c>MULTIMODAL</c>
    /// («f. Мультимодальный»).
    /// </summary>
    public string? TransportType { get; set; }

    /// <summary>ИИН/БИН перевозчика (ours).</summary>
    public string? TransporterTin { get; set; }

    /// <summary>Номер транспортного средства (ours).</summary>
    public string? VehicleNumber { get; set; }
}
