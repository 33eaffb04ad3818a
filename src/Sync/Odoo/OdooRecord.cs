using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>Reading Odoo's value shapes: many2one as [id, "name"] or false, x2many as id lists, false for empty.</summary>
public static class OdooRecord
{
    public static long Id(this JsonNode record) => record["id"]!.GetValue<long>();

    public static string? Text(this JsonNode record, string field) =>
        record[field] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The id of a many2one value [id, "name"], or null when it is false.</summary>
    public static long? ManyToOneId(this JsonNode record, string field) =>
        record[field] is JsonArray { Count: > 0 } pair ? pair[0]!.GetValue<long>() : null;

    public static string? ManyToOneName(this JsonNode record, string field) =>
        record[field] is JsonArray { Count: > 1 } pair ? pair[1]!.GetValue<string>() : null;

    public static IReadOnlyList<long> Ids(this JsonNode record, string field) =>
        record[field] is JsonArray ids ? ids.Select(id => id!.GetValue<long>()).ToList() : [];

    public static decimal Number(this JsonNode record, string field) =>
        record[field] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? value.GetValue<decimal>() : 0m;
}
