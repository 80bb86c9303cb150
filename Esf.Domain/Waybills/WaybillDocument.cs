using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills.Document;

namespace Esf.Domain.Waybills;

/// <summary>
/// A waybill as the pipeline and the rules read it: the body exactly as received, typed where they decide on it, and the
/// registration number once the worker has registered it.
/// </summary>
public sealed record WaybillDocument(WaybillBody Body)
{
    /// <summary>Регистрационный номер СНТ (field 1, 42 digits); null until registered.</summary>
    public string? RegistrationNumber { get; init; }

    /// <summary>Вид СНТ; null when the body names no known type (the XSD refuses it).</summary>
    public WaybillType? Type => WaybillTypeNames.ParseType(Body.Type);

    public WaybillMovement Movement => WaybillTypeNames.MovementOf(Body.ImportType, Body.ExportType);

    /// <summary>Дата выписки СНТ (2); null when it is not a valid dd.MM.yyyy date.</summary>
    public DateOnly? Date => BodyFacts.ParseDate(Body.Date);

    public string? SellerTin => Body.Seller.Tin;

    public string? CustomerTin => Body.Customer.Tin;

    /// <summary>What <paramref name="tin"/> is to this waybill: its seller, its buyer, both (a transfer inside one enterprise), or none.</summary>
    public WaybillRole RoleOf(string tin) =>
        (tin == SellerTin ? WaybillRole.Seller : WaybillRole.None) | (tin == CustomerTin ? WaybillRole.Buyer : WaybillRole.None);
}
