using Esf.Domain.Lifecycle;

namespace Esf.Domain.Waybills;

/// <summary>The wire names of <see cref="WaybillStatus"/> (e.g. <c>NOT_VIEWED</c>, <c>CONFIRMED_BY_OGD</c>).</summary>
public static class WaybillStatusNames
{
    public static string ToWire(this WaybillStatus status) => WireNames<WaybillStatus>.ToWire(status);

    public static bool TryParse(string wire, out WaybillStatus status) => WireNames<WaybillStatus>.TryParse(wire, out status);

    public static WaybillStatus Parse(string wire) => WireNames<WaybillStatus>.Parse(wire);
}
