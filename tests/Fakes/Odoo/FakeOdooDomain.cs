using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Fakes.Odoo;

/// <summary>Evaluates an Odoo domain (prefix notation with &amp;, |, ! and [field, operator, value] leaves).</summary>
public static class FakeOdooDomain
{
    public static bool Matches(JsonArray? domain, Func<string, JsonNode?> valueOf)
    {
        if (domain is null || domain.Count == 0)
        {
            return true;
        }

        var position = 0;
        var results = new List<bool>();
        while (position < domain.Count)
        {
            results.Add(Evaluate(domain, ref position, valueOf));
        }

        // Consecutive terms without an operator are joined by an implicit &.
        return results.All(r => r);
    }

    private static bool Evaluate(JsonArray domain, ref int position, Func<string, JsonNode?> valueOf)
    {
        var term = domain[position++];
        if (term is JsonValue operatorValue && operatorValue.GetValueKind() == JsonValueKind.String)
        {
            switch (operatorValue.GetValue<string>())
            {
                case "&":
                    var andLeft = Evaluate(domain, ref position, valueOf);
                    var andRight = Evaluate(domain, ref position, valueOf);
                    return andLeft && andRight;
                case "|":
                    var orLeft = Evaluate(domain, ref position, valueOf);
                    var orRight = Evaluate(domain, ref position, valueOf);
                    return orLeft || orRight;
                case "!":
                    return !Evaluate(domain, ref position, valueOf);
            }
        }

        if (term is not JsonArray { Count: 3 } leaf)
        {
            throw new FakeOdooException("builtins.ValueError", $"Invalid leaf {term?.ToJsonString()}", System.Net.HttpStatusCode.InternalServerError);
        }

        return Leaf(valueOf(leaf[0]!.GetValue<string>()), leaf[1]!.GetValue<string>(), leaf[2]);
    }

    private static bool Leaf(JsonNode? actual, string @operator, JsonNode? expected)
    {
        var actualValues = actual is JsonArray many ? many.Select(Scalar).ToList() : [Scalar(actual)];
        return @operator switch
        {
            "=" or "child_of" => expected is JsonArray list ? list.Any(e => actualValues.Any(a => SameValue(a, Scalar(e)))) : actualValues.Any(a => SameValue(a, Scalar(expected))) || (actual is JsonArray { Count: 0 } && IsFalse(expected)),
            "!=" or "<>" => !actualValues.Any(a => SameValue(a, Scalar(expected))),
            "in" => expected!.AsArray().Any(e => actualValues.Any(a => SameValue(a, Scalar(e)))),
            "not in" => !expected!.AsArray().Any(e => actualValues.Any(a => SameValue(a, Scalar(e)))),
            "like" => actualValues.Any(a => Text(a).Contains(Text(Scalar(expected)), StringComparison.Ordinal)),
            "ilike" => actualValues.Any(a => Text(a).Contains(Text(Scalar(expected)), StringComparison.OrdinalIgnoreCase)),
            "not ilike" => !actualValues.Any(a => Text(a).Contains(Text(Scalar(expected)), StringComparison.OrdinalIgnoreCase)),
            "=like" => actualValues.Any(a => Pattern(Scalar(expected), RegexOptions.None).IsMatch(Text(a))),
            "=ilike" => actualValues.Any(a => Pattern(Scalar(expected), RegexOptions.IgnoreCase).IsMatch(Text(a))),
            "<" => actualValues.Any(a => Compare(a, Scalar(expected)) < 0),
            "<=" => actualValues.Any(a => Compare(a, Scalar(expected)) <= 0),
            ">" => actualValues.Any(a => Compare(a, Scalar(expected)) > 0),
            ">=" => actualValues.Any(a => Compare(a, Scalar(expected)) >= 0),
            _ => throw new FakeOdooException("builtins.ValueError", $"Invalid domain operator '{@operator}'", System.Net.HttpStatusCode.InternalServerError),
        };
    }

    // A many2one read as [id, name] compares by its id.
    private static object? Scalar(JsonNode? node) => node switch
    {
        null => null,
        JsonArray { Count: 2 } pair when pair[0] is JsonValue => Scalar(pair[0]),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => Number(value),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => node.ToJsonString(),
    };

    /// <summary>A number whether it was parsed from JSON or set in memory as a long, double or decimal.</summary>
    public static decimal Number(JsonValue value) =>
        value.TryGetValue<decimal>(out var exact) ? exact
        : value.TryGetValue<long>(out var whole) ? whole
        : value.TryGetValue<int>(out var small) ? small
        : (decimal)value.GetValue<double>();

    private static bool IsFalse(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.False;

    private static bool SameValue(object? actual, object? expected)
    {
        if (expected is false)
        {
            return actual is null or false || (actual is string s && s.Length == 0);
        }

        return Equals(actual, expected);
    }

    private static int Compare(object? actual, object? expected) => (actual, expected) switch
    {
        (decimal a, decimal e) => a.CompareTo(e),
        (string a, string e) => string.CompareOrdinal(a, e),
        _ => actual is null ? -1 : 1,
    };

    private static string Text(object? value) => value switch
    {
        null or false => "",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static Regex Pattern(object? like, RegexOptions options) =>
        new("^" + Regex.Escape(Text(like)).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$", options);
}
