using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>An Odoo search domain in its prefix notation: ["&amp;", [field, op, value], [field, op, value]].</summary>
public sealed class OdooDomain
{
    private readonly JsonArray terms;

    private OdooDomain(JsonArray terms) => this.terms = terms;

    public static OdooDomain All => new([]);

    public static OdooDomain Where(string field, string @operator, JsonNode? value) =>
        new([new JsonArray(field, @operator, value)]);

    public static OdooDomain In<T>(string field, IEnumerable<T> values) =>
        Where(field, "in", new JsonArray(values.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>()));

    public OdooDomain And(OdooDomain other) => Combine("&", other);

    public OdooDomain Or(OdooDomain other) => Combine("|", other);

    public static OdooDomain Not(OdooDomain domain) => new([JsonValue.Create("!"), .. domain.Terms()]);

    public JsonArray ToJson() => Copy();

    private OdooDomain Combine(string @operator, OdooDomain other)
    {
        if (terms.Count == 0)
        {
            return new OdooDomain(other.Copy());
        }

        return other.terms.Count == 0 ? new OdooDomain(Copy()) : new OdooDomain([JsonValue.Create(@operator), .. Terms(), .. other.Terms()]);
    }

    private JsonArray Copy() => (JsonArray)terms.DeepClone();

    // Fresh copies of the terms, free to be placed in another array.
    private IEnumerable<JsonNode?> Terms() => terms.Select(term => term?.DeepClone());
}
