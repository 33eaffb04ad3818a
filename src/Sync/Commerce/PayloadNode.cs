using System.Globalization;
using System.Text.Json;

namespace Portal.Sync.Commerce;

/// <summary>
/// A place in a store payload that knows its path, so every read that fails names the field, e.g.
/// <c>line_items[2].price</c>. Missing and null fields read as null (or empty lists); fields of the wrong kind fail.
/// Empty strings read as null: WooCommerce sends "" for "none".
/// </summary>
internal readonly struct PayloadNode(JsonElement element, string resource, string path)
{
    private readonly JsonElement element = element;
    private readonly string resource = resource;
    private readonly string path = path;

    public string Path => path.Length == 0 ? "the body" : path;

    public PayloadNode AsObject() =>
        element.ValueKind == JsonValueKind.Object ? this : throw Problem($"{Path} should be a JSON object, not {Describe(element)}");

    public PayloadNode? Object(string name) =>
        Field(name) is { } field ? field.AsObject() : null;

    public PayloadNode RequiredObject(string name) =>
        Object(name) ?? throw Missing(name);

    /// <summary>The objects of an array field; a missing or null array is empty.</summary>
    public IReadOnlyList<PayloadNode> Objects(string name) =>
        Items(name).Select(item => item.AsObject()).ToList();

    public IReadOnlyList<string> Texts(string name) =>
        Items(name).Select(item => item.AsText() ?? throw item.Problem($"{item.Path} should be text, not null")).ToList();

    public string? Text(string name) => Field(name)?.AsText();

    public string RequiredText(string name) => Text(name) ?? throw Missing(name);

    /// <summary>A numeric id as text, read digit for digit (never through a double), from a number or a string of digits.</summary>
    public string? Id(string name)
    {
        if (Field(name) is not { } field)
        {
            return null;
        }

        var value = field.element;
        var id = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Problem($"{field.Path} is not an id: {Quote(value)}"),
        };
        return id.ToString(CultureInfo.InvariantCulture);
    }

    public string RequiredId(string name) => Id(name) ?? throw Missing(name);

    /// <summary>Money or a rate, from a string ("19.99") or a number; "" reads as null.</summary>
    public decimal? Decimal(string name)
    {
        if (Field(name) is not { } field)
        {
            return null;
        }

        var value = field.element;
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when value.GetString() is "" => null,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Problem($"{field.Path} is not an amount: {Quote(value)}"),
        };
    }

    public decimal RequiredDecimal(string name) => Decimal(name) ?? throw Missing(name);

    public int? Integer(string name)
    {
        if (Field(name) is not { } field)
        {
            return null;
        }

        return field.element.ValueKind == JsonValueKind.Number && field.element.TryGetInt32(out var number)
            ? number
            : throw Problem($"{field.Path} is not a whole number: {Quote(field.element)}");
    }

    public int RequiredInteger(string name) => Integer(name) ?? throw Missing(name);

    public bool? Flag(string name)
    {
        if (Field(name) is not { } field)
        {
            return null;
        }

        return field.element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem($"{field.Path} is not true or false: {Quote(field.element)}"),
        };
    }

    public bool RequiredFlag(string name) => Flag(name) ?? throw Missing(name);

    /// <summary>A point in time; one without an offset (WooCommerce's <c>*_gmt</c> fields) is UTC.</summary>
    public DateTimeOffset? Time(string name)
    {
        if (Field(name) is not { } field)
        {
            return null;
        }

        return field.AsText() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Problem($"{field.Path} is not a date and time: {Quote(field.element)}");
    }

    public DateTimeOffset RequiredTime(string name) => Time(name) ?? throw Missing(name);

    public CommercePayloadException Problem(string problem) => new(resource, problem);

    public CommercePayloadException Missing(string name) => Problem($"{Child(name)} is missing");

    private PayloadNode? Field(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new PayloadNode(value, resource, Child(name))
            : null;

    private IEnumerable<PayloadNode> Items(string name)
    {
        if (Field(name) is not { } field)
        {
            return [];
        }

        if (field.element.ValueKind != JsonValueKind.Array)
        {
            throw Problem($"{field.Path} should be a list, not {Describe(field.element)}");
        }

        var (owner, source) = (field.Path, resource);
        return field.element.EnumerateArray().Select((item, index) => new PayloadNode(item, source, $"{owner}[{index}]"));
    }

    private string? AsText() => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Null => null,
        _ => throw Problem($"{Path} should be text, not {Describe(element)}"),
    };

    private string Child(string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static string Quote(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 60 ? raw : string.Concat(raw.AsSpan(0, 60), "…");
    }
}
