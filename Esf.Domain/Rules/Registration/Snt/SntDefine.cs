using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>Short-hand for the rules of spec-snt §9: ids <c>SNT-Rnnn</c>, stage registration, messages ours.</summary>
internal static class SntDefine
{
    public const string OursMessage = "Message ours: the seed gives no message text (spec-snt §0 item 3).";

    /// <summary>A rule over every SNT-based invoice (both tables).</summary>
    public static RegistryRule Both(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<SntBasis, IEnumerable<string>> check,
        string? decision = null) =>
        Reg($"SNT-{id}", errorCode, ru, en, basis, fields, c => SntBasis.Of(c) is { } b ? check(b) : [],
            decision is null ? OursMessage : $"{decision} {OursMessage}");

    /// <summary>A rule of Table 28 (a main or corrected invoice on a primary or corrected waybill).</summary>
    public static RegistryRule Table28(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<SntBasis, IEnumerable<string>> check,
        string? decision = null) =>
        Both(id, errorCode, ru, en, $"{basis} (Table 28)", fields, b => b.IsReturn ? [] : check(b), decision);

    /// <summary>A rule of Table 29 (an additional invoice on a return waybill).</summary>
    public static RegistryRule Table29(
        string id, string errorCode, string ru, string en, string basis, string[] fields, Func<SntBasis, IEnumerable<string>> check,
        string? decision = null) =>
        Both(id, errorCode, ru, en, $"{basis} (Table 29)", fields, b => b.IsReturn ? check(b) : [], decision);

    /// <summary>The invoice's value of a read-only field differs from the one the table gives.</summary>
    public static IEnumerable<string> Differs(SntBasis b, Func<InvoiceBody, string?> field, string path) =>
        When(Norm(field(b.Invoice)) != Norm(field(b.Expected)), path);

    /// <summary>As <see cref="Differs(SntBasis, Func{InvoiceBody, string?}, string)"/> for a typed value (12 equals 12.00).</summary>
    public static IEnumerable<string> Differs<T>(SntBasis b, Func<InvoiceBody, T?> field, string path)
        where T : struct => When(!Nullable.Equals(field(b.Invoice), field(b.Expected)), path);

    /// <summary>A read-only field of the matched lines differs from the waybill's (only where the waybill gives one, when <paramref name="whenGiven"/>).</summary>
    public static IEnumerable<string> LinesDiffer(SntBasis b, Func<Product, string?> field, string name, bool whenGiven = false) =>
        b.MatchedLines.Where(x => (!whenGiven || Norm(field(x.Expected)) is not null) && Norm(field(x.Line)) != Norm(field(x.Expected)))
            .Select(x => Paths.Product(x.Index, name));

    public static IEnumerable<string> LinesDiffer<T>(SntBasis b, Func<Product, T?> field, string name)
        where T : struct => b.MatchedLines.Where(x => !Nullable.Equals(field(x.Line), field(x.Expected))).Select(x => Paths.Product(x.Index, name));

    /// <summary>The categories of a party among <paramref name="readOnly"/> and <paramref name="flags"/>, in a comparable form.</summary>
    public static string Categories(List<string>? statuses, IEnumerable<string> readOnly) =>
        string.Join(",", readOnly.Where(s => statuses?.Contains(s) == true));

    private static string? Norm(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
