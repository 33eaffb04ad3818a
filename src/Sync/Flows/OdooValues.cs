using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Sync.Flows;

/// <summary>Numbers of values the flows built themselves (ints and doubles alike), read back as decimals.</summary>
internal static class OdooValues
{
    public static decimal Number(JsonNode? value) =>
        value is null ? 0m : decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
