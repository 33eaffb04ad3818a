using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Data.Entities;
using Portal.Sync.Odoo;

namespace Portal.Sync.Configuration;

/// <summary>Reads a configuration document: its format first, so a document of another version is refused as such rather than as a list of odd fields.</summary>
public static partial class ConfigurationReader
{
    public static (TenantConfiguration? Configuration, IReadOnlyList<ConfigurationError> Errors) Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return (null, [new ConfigurationError("", $"This is not a JSON document: {ex.Message}")]);
        }

        if (root is not JsonObject document)
        {
            return (null, [new ConfigurationError("", "The document must be a JSON object with \"format\" and \"stores\".")]);
        }

        var format = document["format"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (format != ConfigurationFormat.Current)
        {
            return (null, [new ConfigurationError("format", format is null
                ? $"The document has no \"format\"; this portal reads \"{ConfigurationFormat.Current}\"."
                : $"The format \"{format}\" is not one this portal reads; it reads \"{ConfigurationFormat.Current}\".")]);
        }

        try
        {
            return (document.Deserialize<TenantConfiguration>(ConfigurationFormat.Json), []);
        }
        catch (JsonException ex)
        {
            return (null, [new ConfigurationError(PathOf(ex), MessageOf(ex))]);
        }
    }

    private static string PathOf(JsonException ex) => ex.Path is { } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : ex.Path?.TrimStart('$') ?? "";

    // The serializer's messages name .NET types and repeat the path; a person needs the field and what it accepts.
    private static string MessageOf(JsonException ex)
    {
        var message = ex.Message.Split(" Path:", 2)[0];
        if (UnknownField().Match(message) is { Success: true } unknown)
        {
            return $"\"{unknown.Groups[1].Value}\" is not a field here.";
        }

        if (UnconvertibleValue().Match(message) is { Success: true } value)
        {
            var type = Enums.FirstOrDefault(e => e.FullName == value.Groups[1].Value);
            return type is null ? "This value has the wrong type." : $"Expected one of: {string.Join(", ", Enum.GetNames(type))}.";
        }

        return message;
    }

    private static readonly Type[] Enums =
    [
        typeof(StorePlatform), typeof(ProductDirection), typeof(OdooTransportKind), typeof(StockQuantityRule), typeof(StockBufferKind),
        typeof(OrderImportMode), typeof(ProductMatching), typeof(CustomerStrategy), typeof(DiscountMode), typeof(InvoicePolicy), typeof(UninvoicedRefundPolicy),
    ];

    [GeneratedRegex("^The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownField();

    [GeneratedRegex("^The JSON value could not be converted to ([^.][^ ]*?)\\.?$")]
    private static partial Regex UnconvertibleValue();
}
