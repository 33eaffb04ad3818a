using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Sync.Configuration;

/// <summary>The document's version and its JSON shape: camelCase names, enums by name, no field this version does not know.</summary>
public static class ConfigurationFormat
{
    public const string Current = "odoo-connector/1";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,

        // A misspelt field would otherwise be dropped in silence and its setting left at the default.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };
}
