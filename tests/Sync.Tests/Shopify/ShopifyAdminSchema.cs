using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Portal.Tests.Shared;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// Shopify's Admin GraphQL schema of one API version, built from its introspection JSON (as SDL, with deprecations)
/// into a GraphQL.NET schema, and a validator for documents against it: the specification's rules plus two of
/// Shopify's own — a mutation whose description says the idempotency key is required must carry
/// <c>@idempotent</c>, and no deprecated field (it goes away in a later version).
/// </summary>
internal sealed class ShopifyAdminSchema
{
    private static readonly string[] BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly string[] BuiltInDirectives = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

    private readonly ISchema schema;

    private ShopifyAdminSchema(ISchema schema, IReadOnlySet<string> mutationsNeedingIdempotency)
    {
        this.schema = schema;
        MutationsNeedingIdempotency = mutationsNeedingIdempotency;
    }

    public IReadOnlySet<string> MutationsNeedingIdempotency { get; }

    public static ShopifyAdminSchema Load(string apiVersion)
    {
        using var file = File.OpenRead(RepositoryPaths.ShopifySchema(apiVersion));
        using var unzipped = new GZipStream(file, CompressionMode.Decompress);
        using var introspection = JsonDocument.Parse(unzipped);
        var root = introspection.RootElement.GetProperty("data").GetProperty("__schema");
        var types = root.GetProperty("types").EnumerateArray().ToList();

        var schema = Schema.For(Sdl(root), builder =>
        {
            // Only validation runs: abstract types never need resolving to a concrete one.
            foreach (var name in types.Where(t => Kind(t) is "UNION" or "INTERFACE").Select(Name))
            {
                builder.Types.For(name).ResolveType = _ => null!;
            }
        });
        foreach (var scalar in types.Where(t => Kind(t) == "SCALAR" && !BuiltInScalars.Contains(Name(t))))
        {
            schema.RegisterType(new OpaqueScalar(Name(scalar)));
        }

        schema.Initialize();
        var mutation = root.GetProperty("mutationType").GetProperty("name").GetString();
        var needingIdempotency = types.Single(t => Name(t) == mutation).GetProperty("fields").EnumerateArray()
            .Where(field => Text(field, "description") is { } description
                && description.Contains("idempotency key is required and must be provided using the `@idempotent` directive", StringComparison.Ordinal))
            .Select(Name)
            .ToHashSet();
        return new ShopifyAdminSchema(schema, needingIdempotency);
    }

    /// <summary>The names of the fields of an object or interface type; null when the schema has no such type.</summary>
    public IReadOnlySet<string>? FieldsOf(string typeName) =>
        schema.AllTypes[typeName] is IComplexGraphType type ? type.Fields.Select(field => field.Name).ToHashSet() : null;

    /// <summary>The problems with a document of one operation, in words; empty when it is valid.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string document)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = GraphQLParser.Parser.Parse(document);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException syntax)
        {
            return [syntax.Message];
        }

        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1)
        {
            return [$"{operations.Count} operations instead of one"];
        }

        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = parsed,
            Operation = operations[0],
            Rules = [.. DocumentValidator.CoreRules, new ShopifyRules(MutationsNeedingIdempotency)],
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        });

        // Documents are checked without variable values: "no value provided" is not a problem of the document.
        return result.Errors.Where(error => error is not InvalidVariableError).Select(error => error.Message).ToList();
    }

    private static string Sdl(JsonElement root)
    {
        var sdl = new StringBuilder();
        sdl.Append("schema { query: ").Append(root.GetProperty("queryType").GetProperty("name").GetString());
        if (root.GetProperty("mutationType").ValueKind == JsonValueKind.Object)
        {
            sdl.Append(" mutation: ").Append(root.GetProperty("mutationType").GetProperty("name").GetString());
        }

        sdl.AppendLine(" }");
        foreach (var directive in root.GetProperty("directives").EnumerateArray().Where(d => !BuiltInDirectives.Contains(Name(d))))
        {
            sdl.Append("directive @").Append(Name(directive)).Append(Arguments(directive.GetProperty("args")));
            if (directive.TryGetProperty("isRepeatable", out var repeatable) && repeatable.GetBoolean())
            {
                sdl.Append(" repeatable");
            }

            sdl.Append(" on ").AppendJoin(" | ", directive.GetProperty("locations").EnumerateArray().Select(l => l.GetString())).AppendLine();
        }

        foreach (var type in root.GetProperty("types").EnumerateArray().Where(t => !Name(t).StartsWith("__", StringComparison.Ordinal)))
        {
            var name = Name(type);
            switch (Kind(type))
            {
                case "SCALAR" when !BuiltInScalars.Contains(name):
                    sdl.Append("scalar ").AppendLine(name);
                    break;
                case "OBJECT" or "INTERFACE":
                    sdl.Append(Kind(type) == "OBJECT" ? "type " : "interface ").Append(name);
                    if (type.GetProperty("interfaces") is { ValueKind: JsonValueKind.Array } interfaces && interfaces.GetArrayLength() > 0)
                    {
                        sdl.Append(" implements ").AppendJoin(" & ", interfaces.EnumerateArray().Select(Name));
                    }

                    sdl.AppendLine(" {");
                    foreach (var field in type.GetProperty("fields").EnumerateArray())
                    {
                        sdl.Append("  ").Append(Name(field)).Append(Arguments(field.GetProperty("args"))).Append(": ").Append(TypeReference(field.GetProperty("type")))
                            .Append(Deprecation(field)).AppendLine();
                    }

                    sdl.AppendLine("}");
                    break;
                case "UNION":
                    sdl.Append("union ").Append(name).Append(" = ").AppendJoin(" | ", type.GetProperty("possibleTypes").EnumerateArray().Select(Name)).AppendLine();
                    break;
                case "ENUM":
                    sdl.Append("enum ").Append(name).AppendLine(" {");
                    foreach (var value in type.GetProperty("enumValues").EnumerateArray())
                    {
                        sdl.Append("  ").AppendLine(Name(value));
                    }

                    sdl.AppendLine("}");
                    break;
                case "INPUT_OBJECT":
                    sdl.Append("input ").Append(name).Append(type.TryGetProperty("isOneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.True ? " @oneOf" : "").AppendLine(" {");
                    foreach (var field in type.GetProperty("inputFields").EnumerateArray())
                    {
                        sdl.Append("  ").AppendLine(InputValue(field));
                    }

                    sdl.AppendLine("}");
                    break;
            }
        }

        return sdl.ToString();
    }

    private static string Arguments(JsonElement arguments) =>
        arguments.GetArrayLength() == 0 ? "" : $"({string.Join(", ", arguments.EnumerateArray().Select(InputValue))})";

    private static string InputValue(JsonElement value) =>
        $"{Name(value)}: {TypeReference(value.GetProperty("type"))}{(Text(value, "defaultValue") is { } defaultValue ? $" = {defaultValue}" : "")}";

    private static string TypeReference(JsonElement type) => Kind(type) switch
    {
        "NON_NULL" => TypeReference(type.GetProperty("ofType")) + "!",
        "LIST" => $"[{TypeReference(type.GetProperty("ofType"))}]",
        _ => Name(type),
    };

    private static string Deprecation(JsonElement field) =>
        field.TryGetProperty("isDeprecated", out var deprecated) && deprecated.GetBoolean()
            ? $" @deprecated(reason: {JsonSerializer.Serialize(Text(field, "deprecationReason") ?? "deprecated")})"
            : "";

    private static string Name(JsonElement element) => element.GetProperty("name").GetString()!;

    private static string Kind(JsonElement element) => element.GetProperty("kind").GetString()!;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Shopify's own scalars (Decimal, DateTime, URL…): any literal passes, as validation needs no values.</summary>
    private sealed class OpaqueScalar : ScalarGraphType
    {
        public OpaqueScalar(string name) => Name = name;

        public override object? ParseLiteral(GraphQLValue value) => value;

        public override object? ParseValue(object? value) => value;
    }
}
