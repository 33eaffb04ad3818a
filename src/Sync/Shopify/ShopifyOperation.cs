using System.Reflection;

namespace Portal.Sync.Shopify;

/// <summary>
/// A GraphQL document the client sends: Operations/{Name}.graphql, embedded in this assembly, holding one
/// operation of that name. A test validates every one against the Admin schema of <see cref="ShopifyOptions.PinnedApiVersion"/>.
/// </summary>
public sealed class ShopifyOperation
{
    /// <summary>The variable a document that needs <c>@idempotent</c> takes its key from: <c>@idempotent(key: $idempotencyKey)</c>.</summary>
    public const string IdempotencyKeyVariable = "idempotencyKey";

    private const string ResourcePrefix = "Shopify.Operations.";
    private const string ResourceSuffix = ".graphql";

    private ShopifyOperation(string name, string document)
    {
        Name = name;
        Document = document;
        IsMutation = document.Split('\n').Select(line => line.Trim()).First(line => line.Length > 0 && !line.StartsWith('#'))
            .StartsWith("mutation", StringComparison.Ordinal);
        IsIdempotent = document.Contains($"@idempotent(key: ${IdempotencyKeyVariable})", StringComparison.Ordinal);
    }

    public string Name { get; }

    public string Document { get; }

    public bool IsMutation { get; }

    /// <summary>Shopify executes it once per key: every send of the same intent must carry the same key (see <see cref="ShopifyMutation"/>).</summary>
    public bool IsIdempotent { get; }

    /// <summary>Every embedded document, for the schema test.</summary>
    public static IReadOnlyList<ShopifyOperation> All() =>
        typeof(ShopifyOperation).Assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(resource => Load(resource[ResourcePrefix.Length..^ResourceSuffix.Length]))
            .ToList();

    internal static ShopifyOperation Load(string name)
    {
        using var stream = typeof(ShopifyOperation).Assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
            ?? throw new InvalidOperationException($"No embedded GraphQL document {name}{ResourceSuffix}.");
        using var reader = new StreamReader(stream);
        return new ShopifyOperation(name, reader.ReadToEnd());
    }

    public override string ToString() => Name;
}
