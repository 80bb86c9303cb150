using System.Globalization;
using Esf.Domain.Calendar;
using NpgsqlTypes;

namespace Esf.Infrastructure.Registry;

/// <summary>Converts CSV text to the typed value of a registry column, or says why it cannot.</summary>
internal static class RegistryValues
{
    public static bool TryConvert(RegistryColumn column, string text, out object? value, out string? error)
    {
        value = null;
        error = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            error = column.Required ? $"column {column.Name} is required" : null;
            return !column.Required;
        }

        switch (column.Type)
        {
            case RegistryColumnType.Date when DayFormats.TryParse(text, out var date):
                value = date;
                return true;
            case RegistryColumnType.Flag when text.ToLowerInvariant() is "true" or "1" or "false" or "0":
                value = text.ToLowerInvariant() is "true" or "1";
                return true;
            case RegistryColumnType.Decimal when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case RegistryColumnType.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer):
                value = integer;
                return true;
            case RegistryColumnType.Text when column.MaxLength == 0 || text.Length <= column.MaxLength:
                value = text;
                return true;
            default:
                error = column.Type switch
                {
                    RegistryColumnType.Text => $"column {column.Name}: longer than {column.MaxLength} characters",
                    RegistryColumnType.Date => $"column {DayFormats.Refusal(column.Name, text)}",
                    _ => $"column {column.Name}: «{text}» is not a {column.Type.ToString().ToLowerInvariant()}",
                };
                return false;
        }
    }

    public static NpgsqlDbType DbType(RegistryColumnType type) => type switch
    {
        RegistryColumnType.Date => NpgsqlDbType.Date,
        RegistryColumnType.Flag => NpgsqlDbType.Boolean,
        RegistryColumnType.Decimal => NpgsqlDbType.Numeric,
        RegistryColumnType.Integer => NpgsqlDbType.Integer,
        _ => NpgsqlDbType.Text,
    };
}
