using static Esf.Infrastructure.Registry.RegistryColumnType;

namespace Esf.Infrastructure.Registry;

/// <summary>The registries the rules read, as importable tables (the CSV header names the columns; key columns are required).</summary>
public static class RegistryTables
{
    private static RegistryColumn Tin(string name = "tin", bool required = true) => new(name, Text, required, 20);

    public static IReadOnlyList<RegistryTable> All { get; } =
    [
        new("taxpayers", "taxpayers", ["tin"],
        [
            Tin(), new("name_ru", Text, true), new("name_kz"), new("address_ru"), new("address_kz"), new("is_resident", Flag),
            new("enterprise_type", Text, false, 40), new("vat_certificate_series", Text, false, 20), new("vat_certificate_num", Text, false, 20),
            new("vat_registered_on", Date), new("vat_deregistered_on", Date), new("kogd", Text, false, 8), new("registered_on", Date),
            new("deregistered_on", Date), new("deregistration_reason"), new("is_lawyer", Flag), new("is_notary", Flag),
            new("is_bailiff", Flag), new("is_mediator", Flag), Tin("head_office_tin", false),
        ]),
        new("successors", "taxpayer_successors", ["reorganized_tin", "successor_tin"],
            [Tin("reorganized_tin"), Tin("successor_tin"), new("kind", Text, true, 20), new("reorganized_on", Date)]),
        new("delegations", "branch_delegations", ["liquidated_tin", "delegate_tin", "valid_from"],
            [Tin("liquidated_tin"), Tin("delegate_tin"), Tin("head_office_tin"), new("valid_from", Date, true), new("valid_to", Date)]),
        new("banks", "banks", ["bik"], [new("bik", Text, true, 8), new("name_ru", Text, true)]),
        new("bank-accounts", "bank_accounts", ["tin", "iik"],
            [Tin(), new("iik", Text, true, 20), new("bik", Text, true, 8), new("kbe", Text, false, 2)]),
        new("srp-participants", "srp_participants", ["tin"], [Tin(), new("agreement")]),
        new("countries", "countries", ["code"], [new("code", Text, true, 2), new("name_ru", Text, true), new("is_eaeu", Flag)]),
        new("currencies", "currencies", ["code"], [new("code", Text, true, 3), new("name_ru", Text, true)]),
        new("currency-rates", "currency_rates", ["code", "rate_date"],
            [new("code", Text, true, 3), new("rate_date", Date, true), new("rate", RegistryColumnType.Decimal, true)]),
        new("units", "units", ["code"], [new("code", Text, true, 10), new("name_ru", Text, true)]),
        new("origin-signs", "origin_signs", ["code"], [new("code", Text, true, 1), new("name_ru", Text, true)]),
        new("vat-rates", "vat_rates", ["rate"],
            [new("rate", Integer, true), new("name_ru", Text, true), new("valid_from", Date, true), new("valid_to", Date)]),
        new("tnved", "tnved", ["code"], [new("code", Text, true, 10), new("name_ru", Text, true), new("is_exemption", Flag)]),
        new("outage-dates", "outage_dates", ["outage_date"], [new("outage_date", Date, true), new("reason")]),
        // The days the working-day calendar changes: a weekday off (is_working false) or a working weekend day (true).
        new("calendar", "working_calendar", ["day"], [new("day", Date, true), new("is_working", Flag, true), new("name_ru")]),
        new("gsvs", "gsvs_catalogue", ["code"], [new("code", Text, true, 40), new("name_ru", Text, true), new("tnved_code", Text, false, 10)]),
        new("state-bodies", "state_bodies", ["code"], [new("code", Text, true, 20), new("name_ru", Text, true)]),
        new("state-subsidies", "state_subsidies", ["code"],
            [new("code", Text, true, 20), new("state_body_code", Text, true, 20), new("name_ru", Text, true)]),
        // The ОГД inspectors who may confirm a waybill for its buyer (ADR 0032): the inspector's ИИН and their ОГД (taxpayers.kogd).
        new("ogd-inspectors", "ogd_inspectors", ["iin"], [Tin("iin"), new("kogd", Text, true, 8), new("name_ru")]),
    ];

    public static RegistryTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
