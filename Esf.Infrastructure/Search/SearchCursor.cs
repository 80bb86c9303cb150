using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Esf.Infrastructure.Errors;

namespace Esf.Infrastructure.Search;

/// <summary>
/// Where a keyset page ended: the last row's sort key (as PostgreSQL prints it) and its invoice id. Opaque to clients
/// (Base64url JSON). A page after a cursor starts strictly after that row, so rows inserted meanwhile never shift it.
/// </summary>
public sealed record SearchCursor(string Key, long Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static SearchCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SearchCursor>(Base64Url.DecodeFromChars(text))
                ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw EsfException.InvalidInput($"cursor «{text}» is not a cursor this gateway returned.");
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(this));
}
