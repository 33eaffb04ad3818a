using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// The site's shipping zones and their methods, as REST v3 shows them: zone 0 ("Locations not covered by your other
/// zones") always exists; a method has an instance id, its method_id ("flat_rate", "free_shipping", "local_pickup")
/// and its settings, each an object whose value is the setting.
/// </summary>
public sealed class FakeWooCommerceShipping
{
    private static readonly Dictionary<string, string> MethodTitles = new()
    {
        ["flat_rate"] = "Flat rate",
        ["free_shipping"] = "Free shipping",
        ["local_pickup"] = "Local pickup",
    };

    private readonly Lock gate = new();
    private readonly SortedDictionary<long, (string Name, List<JsonObject> Methods)> zones = new() { [0] = ("Locations not covered by your other zones", []) };
    private long lastInstanceId;

    public long AddZone(string name)
    {
        lock (gate)
        {
            var id = zones.Keys.Max() + 1;
            zones[id] = (name, []);
            return id;
        }
    }

    public JsonArray Zones()
    {
        lock (gate)
        {
            return new JsonArray([.. zones.Select(z => (JsonNode)new JsonObject { ["id"] = z.Key, ["name"] = z.Value.Name, ["order"] = 0 })]);
        }
    }

    public JsonArray Methods(long zoneId)
    {
        lock (gate)
        {
            return new JsonArray([.. Zone(zoneId).Methods.Select(m => m.DeepClone())]);
        }
    }

    /// <summary>Adds a method as POST shipping/zones/{id}/methods does: enabled, its settings taken from the body's settings (plain values).</summary>
    public JsonObject AddMethod(long zoneId, JsonObject body)
    {
        lock (gate)
        {
            var methods = Zone(zoneId).Methods;
            var methodId = body["method_id"]?.GetValue<string>();
            if (methodId is null || !MethodTitles.TryGetValue(methodId, out var methodTitle))
            {
                throw new FakeWooCommerceException("woocommerce_rest_shipping_zone_method_invalid", "Resource cannot be created.", 400);
            }

            var given = body["settings"] as JsonObject ?? [];
            var settings = new JsonObject();
            foreach (var (key, label, fallback) in new[] { ("title", "Method title", methodTitle), ("tax_status", "Tax status", "taxable"), ("cost", "Cost", "0") })
            {
                var value = given[key]?.ToString() ?? fallback;
                settings[key] = new JsonObject { ["id"] = key, ["label"] = label, ["type"] = "text", ["value"] = value, ["default"] = fallback };
            }

            var method = new JsonObject
            {
                ["instance_id"] = ++lastInstanceId,
                ["title"] = settings["title"]!["value"]!.DeepClone(),
                ["order"] = methods.Count + 1,
                ["enabled"] = true,
                ["method_id"] = methodId,
                ["method_title"] = methodTitle,
                ["method_description"] = "",
                ["settings"] = settings,
            };
            methods.Add(method);
            return (JsonObject)method.DeepClone();
        }
    }

    private (string Name, List<JsonObject> Methods) Zone(long zoneId) =>
        zones.TryGetValue(zoneId, out var zone) ? zone
        : throw new FakeWooCommerceException("woocommerce_rest_shipping_zone_invalid", $"Invalid resource id {zoneId.ToString(CultureInfo.InvariantCulture)}.", 404);
}
