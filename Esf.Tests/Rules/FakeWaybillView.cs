using Esf.Domain.Waybills;

namespace Esf.Tests.Rules;

/// <summary>Registered waybills by number, as the infrastructure's view will answer from the database.</summary>
internal sealed class FakeWaybillView : IWaybillView
{
    public Dictionary<string, RegisteredWaybill> Registered { get; } = [];

    public HashSet<(string Seller, string Num, DateOnly Date)> TakenNumbers { get; } = [];

    public RegisteredWaybill Add(
        WaybillDocument document, WaybillStatus status, IReadOnlyList<LinkedInvoice>? invoices = null, DateOnly? declinedOn = null)
    {
        var registered = new RegisteredWaybill(document, status) { Invoices = invoices ?? [], DeclinedOn = declinedOn };
        Registered[document.RegistrationNumber!] = registered;
        return registered;
    }

    public void Change(string registrationNumber, Func<RegisteredWaybill, RegisteredWaybill> change) =>
        Registered[registrationNumber] = change(Registered[registrationNumber]);

    public RegisteredWaybill? Find(string registrationNumber) => Registered.GetValueOrDefault(registrationNumber);

    public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => TakenNumbers.Contains((sellerTin, num, date));
}
