using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// A body as a JSON string, read without a .NET string: the unescaped UTF-8 bytes go straight into the body's pooled buffer
/// (one copy; JSON always escapes the body's quotes, so the request's own bytes cannot be used as they are). Written back as
/// the same JSON string, so that the Idempotency-Key's request hash is what it was when bodies were strings.
/// </summary>
public sealed class Utf8BodyJsonConverter : JsonConverter<Utf8Body>
{
    public override Utf8Body Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // The same refusal a string property gives (the REST binding answers it with 400).
            throw new JsonException($"The JSON value could not be converted to {typeof(string)}.");
        }

        // Unescaping never lengthens a JSON string, so its raw length is enough room.
        var rawLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = Utf8Body.RentBuffer(rawLength);
        return Utf8Body.FromBuffer(buffer, CopyString(ref reader, buffer));
    }

    public override void Write(Utf8JsonWriter writer, Utf8Body value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Bytes.Span);

    private static int CopyString(ref Utf8JsonReader reader, Span<byte> destination)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // The reader does not check a string's bytes; CopyString and GetString do, so this copy must too (or the bytes
            // would pass the XML check, mended into U+FFFD, and fail only in PostgreSQL, losing the whole upload).
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw new JsonException("The body is not valid UTF-8.");
            }

            reader.ValueSpan.CopyTo(destination);
            return reader.ValueSpan.Length;
        }

        return reader.CopyString(destination);
    }
}
