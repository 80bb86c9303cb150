using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The stored form of an invoice's warehouse lines (<c>invoices.warehouse_lines</c>, jsonb): <c>[{line, warehouseId, goodsId}]</c>.
/// The gateway writes it for every warehouse invoice it stores and the worker reads it for every verdict, so the common form is
/// written and read by hand (three numbers a line: nothing to escape), without the general serializer's buffers and state;
/// anything else the column may hold is read by the serializer, so both read the same lines.
/// </summary>
public static class WarehouseLinesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Null for none, so that a plain invoice stores NULL and the worker knows without a query that it moves nothing.</summary>
    public static string? Write(IReadOnlyList<WarehouseLineRef>? lines)
    {
        if (lines is not { Count: > 0 })
        {
            return null;
        }

        // What JsonSerializer writes with the web defaults (WarehouseLinesJsonTests), on a stack buffer: only the string is allocated.
        var json = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        json.AppendLiteral("[");
        for (var i = 0; i < lines.Count; i++)
        {
            json.AppendLiteral(i == 0 ? "{\"line\":" : ",{\"line\":");
            json.AppendFormatted(lines[i].Line);
            json.AppendLiteral(",\"warehouseId\":");
            json.AppendFormatted(lines[i].WarehouseId);
            json.AppendLiteral(",\"goodsId\":");
            json.AppendFormatted(lines[i].GoodsId);
            json.AppendLiteral("}");
        }

        json.AppendLiteral("]");
        return json.ToStringAndClear();
    }

    public static IReadOnlyList<WarehouseLineRef> Read(string? json)
    {
        if (json is null)
        {
            return [];
        }

        var length = Encoding.UTF8.GetMaxByteCount(json.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented is not null ? rented : stackalloc byte[512];
            utf8 = utf8[..Encoding.UTF8.GetBytes(json, utf8)];
            return TryReadCommon(utf8) ?? JsonSerializer.Deserialize<List<WarehouseLineRef>>(utf8, Options) ?? [];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The lines when the text has the form this class and PostgreSQL's jsonb write (objects of the three numbers, named as written,
    /// in any order); null for any other form, left to the serializer.
    /// </summary>
    private static List<WarehouseLineRef>? TryReadCommon(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var lines = new List<WarehouseLineRef>(1);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (ReadLine(ref reader) is not { } line)
            {
                return null;
            }

            lines.Add(line);
        }

        return reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? lines : null;
    }

    /// <summary>One object of exactly the three numbers, the reader on its end; null when it is anything else.</summary>
    private static WarehouseLineRef? ReadLine(ref Utf8JsonReader reader)
    {
        int? line = null;
        long? warehouseId = null;
        long? goodsId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                return null;
            }

            if (name.SequenceEqual("line"u8) && line is null && reader.TryGetInt32(out var l))
            {
                line = l;
            }
            else if (name.SequenceEqual("warehouseId"u8) && warehouseId is null && reader.TryGetInt64(out var w))
            {
                warehouseId = w;
            }
            else if (name.SequenceEqual("goodsId"u8) && goodsId is null && reader.TryGetInt64(out var g))
            {
                goodsId = g;
            }
            else
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && line is { } a && warehouseId is { } b && goodsId is { } c ? new WarehouseLineRef(a, b, c) : null;
    }
}
