using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;

namespace Portal.Fakes.Shopify;

/// <summary>
/// A GraphQL request as the fake reads it: the operation, its variables, argument values, the requested and actual
/// cost by Shopify's rules (scalars 0, objects 1, connections 2 + first × a node, mutations 10), and answers shaped
/// by the selection (aliases, fragments, <c>__typename</c>, connections sliced from stored lists).
/// </summary>
internal sealed class FakeShopifyRequest
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments;

    private FakeShopifyRequest(GraphQLOperationDefinition operation, Dictionary<string, GraphQLFragmentDefinition> fragments, JsonObject variables)
    {
        Operation = operation;
        this.fragments = fragments;
        Variables = variables;
    }

    public GraphQLOperationDefinition Operation { get; }

    public JsonObject Variables { get; }

    public bool IsMutation => Operation.Operation == OperationType.Mutation;

    public IEnumerable<GraphQLField> RootFields => Fields(Operation.SelectionSet, null);

    public static FakeShopifyRequest Parse(string query, string? operationName, JsonObject variables)
    {
        var document = Parser.Parse(query);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null ? operations.Single() : operations.Single(o => o.Name?.StringValue == operationName);
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        return new FakeShopifyRequest(operation, fragments, variables);
    }

    public static string ResponseKey(GraphQLField field) => field.Alias?.Name.StringValue ?? field.Name.StringValue;

    public JsonNode? Argument(GraphQLField field, string name) =>
        field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name) is { } argument ? Evaluate(argument.Value) : null;

    public int? IntArgument(GraphQLField field, string name) => Argument(field, name)?.GetValue<int>();

    public string? StringArgument(GraphQLField field, string name) => Argument(field, name)?.GetValue<string>();

    public static bool HasDirective(GraphQLField field, string name) => field.Directives?.Items.Any(d => d.Name.StringValue == name) == true;

    public JsonNode? DirectiveArgument(GraphQLField field, string directive, string argument) =>
        field.Directives?.Items.FirstOrDefault(d => d.Name.StringValue == directive)?.Arguments?.Items
            .FirstOrDefault(a => a.Name.StringValue == argument) is { } value ? Evaluate(value.Value) : null;

    /// <summary>Every <c>first</c> in the document, so a page size over the limit is refused up front, as Shopify does.</summary>
    public IEnumerable<int> PageSizes() => AllFields(Operation.SelectionSet).Select(f => IntArgument(f, "first")).OfType<int>();

    /// <summary>An argument of the first field named <paramref name="fieldName"/> anywhere in the document.</summary>
    public JsonNode? FieldArgument(string fieldName, string argument) =>
        AllFields(Operation.SelectionSet).FirstOrDefault(f => f.Name.StringValue == fieldName) is { } field ? Argument(field, argument) : null;

    /// <summary>The requested cost when <paramref name="result"/> is null; the actual cost of an answer otherwise.</summary>
    public double Cost(GraphQLField field, JsonNode? result, bool actual)
    {
        if (field.SelectionSet is null || (actual && result is null))
        {
            return 0;
        }

        var children = field.SelectionSet;
        if (IsConnection(children))
        {
            var nodes = Fields(children, null).FirstOrDefault(f => f.Name.StringValue == "nodes");
            var count = actual ? (result?[ResponseKey(nodes!)] as JsonArray)?.Count ?? 0 : IntArgument(field, "first") ?? 0;
            var each = actual
                ? (result?[ResponseKey(nodes!)] as JsonArray ?? []).Sum(node => 1 + Cost(nodes!.SelectionSet!, node, actual))
                : count * (1 + Cost(nodes!.SelectionSet!, null, actual));
            return 2 + each;
        }

        if (result is JsonArray items && actual)
        {
            return items.Sum(item => 1 + Cost(children, item, actual));
        }

        // nodes(ids:) is a list of as many objects as ids.
        var times = IntArgument(field, "first") ?? (Argument(field, "ids") as JsonArray)?.Count ?? 1;
        return times * (1 + Cost(children, result, actual));
    }

    /// <summary>The answer to a selection over a stored object (its <c>__typename</c> picks inline fragments).</summary>
    public JsonNode? Project(JsonNode? source, GraphQLSelectionSet selection)
    {
        if (source is null)
        {
            return null;
        }

        if (source is JsonArray list)
        {
            return new JsonArray(list.Select(item => Project(item, selection)).ToArray());
        }

        var answer = new JsonObject();
        foreach (var field in Fields(selection, source["__typename"]?.GetValue<string>()))
        {
            var name = field.Name.StringValue;
            var value = source[name];
            answer[ResponseKey(field)] = field.SelectionSet is null ? value?.DeepClone()
                : value is JsonArray stored && IsConnection(field.SelectionSet) ? Connection(stored, field)
                : value is JsonArray listed && IntArgument(field, "first") is { } first ? Project(new JsonArray(listed.Take(first).Select(i => i?.DeepClone()).ToArray()), field.SelectionSet)
                : Project(value, field.SelectionSet);
        }

        return answer;
    }

    /// <summary>A page of a stored list as a connection: first/after or last, opaque cursors, nodes and pageInfo.</summary>
    public JsonObject Connection(JsonArray stored, GraphQLField field)
    {
        var first = IntArgument(field, "first") ?? IntArgument(field, "last") ?? stored.Count;
        var start = StringArgument(field, "after") is { } after ? Offset(after) + 1
            : IntArgument(field, "last") is { } last ? Math.Max(0, stored.Count - last)
            : 0;
        var page = stored.Skip(start).Take(first).ToList();
        var source = new JsonObject
        {
            ["nodes"] = new JsonArray(page.Select(item => item?.DeepClone()).ToArray()),
            ["pageInfo"] = new JsonObject
            {
                ["hasNextPage"] = start + page.Count < stored.Count,
                ["hasPreviousPage"] = start > 0,
                ["startCursor"] = page.Count > 0 ? Cursor(start) : null,
                ["endCursor"] = page.Count > 0 ? Cursor(start + page.Count - 1) : null,
            },
        };
        return (JsonObject)Project(source, field.SelectionSet!)!;
    }

    private static string Cursor(int offset) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"last_offset\":{offset.ToString(CultureInfo.InvariantCulture)}}}"));

    private static int Offset(string cursor)
    {
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        return JsonNode.Parse(text)!["last_offset"]!.GetValue<int>();
    }

    private double Cost(GraphQLSelectionSet selection, JsonNode? result, bool actual)
    {
        var typeName = result?["__typename"]?.GetValue<string>();
        return Fields(selection, typeName).Sum(field => Cost(field, result?[ResponseKey(field)], actual));
    }

    private bool IsConnection(GraphQLSelectionSet selection) => Fields(selection, null).Any(f => f.Name.StringValue is "nodes" or "pageInfo");

    /// <summary>The fields a selection asks of an object of <paramref name="typeName"/>; with no type, those of every fragment.</summary>
    private IEnumerable<GraphQLField> Fields(GraphQLSelectionSet selection, string? typeName)
    {
        foreach (var node in selection.Selections)
        {
            switch (node)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline when typeName is null || inline.TypeCondition is null || inline.TypeCondition.Type.Name.StringValue == typeName:
                    foreach (var field in Fields(inline.SelectionSet, typeName))
                    {
                        yield return field;
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = fragments[spread.FragmentName.Name.StringValue];
                    foreach (var field in Fields(fragment.SelectionSet, typeName))
                    {
                        yield return field;
                    }

                    break;
            }
        }
    }

    private IEnumerable<GraphQLField> AllFields(GraphQLSelectionSet selection) =>
        Fields(selection, null).SelectMany(field => field.SelectionSet is null ? [field] : AllFields(field.SelectionSet).Prepend(field));

    private JsonNode? Evaluate(GraphQLValue value) => value switch
    {
        GraphQLVariable variable => Variables[variable.Name.StringValue]?.DeepClone(),
        GraphQLIntValue number => JsonValue.Create(int.Parse(number.Value.Span, CultureInfo.InvariantCulture)),
        GraphQLFloatValue number => JsonValue.Create(double.Parse(number.Value.Span, CultureInfo.InvariantCulture)),
        GraphQLStringValue text => JsonValue.Create(new string(text.Value.Span)),
        GraphQLBooleanValue flag => JsonValue.Create(flag.BoolValue),
        GraphQLEnumValue symbol => JsonValue.Create(symbol.Name.StringValue),
        GraphQLNullValue => null,
        GraphQLListValue items => new JsonArray((items.Values ?? []).Select(Evaluate).ToArray()),
        GraphQLObjectValue fields => new JsonObject((fields.Fields ?? []).Select(f => KeyValuePair.Create(f.Name.StringValue, Evaluate(f.Value)))),
        _ => throw new NotSupportedException($"GraphQL value {value.Kind}"),
    };
}
