using System.Globalization;

namespace Esf.Infrastructure.Export;

/// <summary>
/// Formula injection (M3): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return, and a
/// counterparty writes product descriptions. Such a text cell is prefixed with <c>'</c>, so it is shown as the text it is. A
/// plain number (-5.00, +12) cannot be a formula and is left alone, so amounts stay numbers whatever column they are in.
/// Every CSV and XLSX cell of text the gateway writes goes through <see cref="Neutralise"/>.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) && !IsNumber(value) ? "'" + value : value;

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
