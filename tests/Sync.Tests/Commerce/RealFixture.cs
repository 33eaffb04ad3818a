using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Tests.Shared;

namespace Portal.Sync.Tests.Commerce;

/// <summary>The real store samples, read in place (never edited); see their SOURCES.md for where each came from.</summary>
internal static class RealFixture
{
    public static string Text(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.RealFixtures, relativePath));

    /// <summary>
    /// One property of a sample, byte for byte: the webhook body of a Shopify docs sample ("response", beside the
    /// topic's metadata), or the resource of a REST answer ("order" in <c>{"order": {...}}</c>).
    /// </summary>
    public static string Property(string relativePath, string name)
    {
        using var document = JsonDocument.Parse(Text(relativePath));
        return document.RootElement.GetProperty(name).GetRawText();
    }

    public static IReadOnlyList<string> Items(string relativePath, string arrayName)
    {
        using var document = JsonDocument.Parse(Text(relativePath));
        return document.RootElement.GetProperty(arrayName).EnumerateArray().Select(item => item.GetRawText()).ToList();
    }

    /// <summary>
    /// An anonymized Shopify exemplar with numbers put back where its money was: Gadget's anonymizer turned every
    /// string, amounts included, into "example string", keeping the real structure. Plain price fields become
    /// 10.00, money-bag amounts 1.00 and other totals 100.00, so a test sees which of them the mapper read.
    /// </summary>
    public static string WithAmountsRestored(string relativePath)
    {
        var root = JsonNode.Parse(Text(relativePath))!;
        RestoreAmounts(root);
        return root.ToJsonString();
    }

    public static string Edited(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static void RestoreAmounts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (key, value) in fields.ToList())
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var placeholder) && placeholder == "example string" && AmountFor(key) is { } amount)
                    {
                        fields[key] = amount;
                    }
                    else
                    {
                        RestoreAmounts(value);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    RestoreAmounts(item);
                }

                break;
        }
    }

    private static string? AmountFor(string key) => key switch
    {
        "price" => "10.00",
        "amount" => "1.00",
        _ when key.StartsWith("total", StringComparison.Ordinal) || key.StartsWith("subtotal", StringComparison.Ordinal)
            || key.StartsWith("current_", StringComparison.Ordinal) || key.EndsWith("_price", StringComparison.Ordinal) => "100.00",
        _ => null,
    };
}
