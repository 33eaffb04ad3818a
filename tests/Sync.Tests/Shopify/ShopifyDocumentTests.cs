using Portal.Sync.Shopify;

namespace Portal.Sync.Tests.Shopify;

/// <summary>Every GraphQL document the client sends is valid against the Admin schema of the version it pins.</summary>
public class ShopifyDocumentTests
{
    private static readonly Lazy<ShopifyAdminSchema> Schema = new(() => ShopifyAdminSchema.Load(ShopifyOptions.PinnedApiVersion));

    public static TheoryData<string> Documents() => [.. ShopifyOperation.All().Select(operation => operation.Name)];

    [Fact]
    public void Every_embedded_graphql_file_is_an_operation_the_client_knows()
    {
        var resources = typeof(ShopifyOperation).Assembly.GetManifestResourceNames().Where(name => name.EndsWith(".graphql", StringComparison.Ordinal)).ToList();

        Assert.Equal(resources.Count, ShopifyOperation.All().Count);
        Assert.Contains("InventorySetQuantities", ShopifyOperation.All().Select(operation => operation.Name));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_document_is_valid_against_the_pinned_schema(string name)
    {
        var operation = ShopifyOperation.All().Single(o => o.Name == name);

        Assert.Empty(await Schema.Value.ProblemsAsync(operation.Document));
        Assert.Contains($"{(operation.IsMutation ? "mutation" : "query")} {name}", operation.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_names_the_mutations_that_require_an_idempotency_key()
    {
        Assert.Contains("inventorySetQuantities", Schema.Value.MutationsNeedingIdempotency);
        Assert.Contains("refundCreate", Schema.Value.MutationsNeedingIdempotency);
        Assert.DoesNotContain("webhookSubscriptionCreate", Schema.Value.MutationsNeedingIdempotency);
    }

    [Fact]
    public void Only_documents_of_mutations_that_require_a_key_carry_one()
    {
        foreach (var operation in ShopifyOperation.All())
        {
            var needsKey = Schema.Value.MutationsNeedingIdempotency.Any(mutation => operation.Document.Contains($" {mutation}(", StringComparison.Ordinal));
            Assert.True(needsKey == operation.IsIdempotent, $"{operation.Name}: requires a key {needsKey}, carries one {operation.IsIdempotent}");
        }
    }

    [Theory]
    [InlineData("query Shop { shop { name nope } }", "nope")]
    [InlineData("mutation WebhookSubscriptionDelete { webhookSubscriptionDelete { deletedWebhookSubscriptionId } }", "'id'")]
    [InlineData("query Orders($first: Strin) { orders(first: $first) { nodes { id } } }", "Strin")]
    [InlineData("query Shop { shop { plan { displayName } } }", "deprecated")]
    [InlineData("query Order($id: ID!) { order(id: $id) { id totalPriceSet { amount } } }", "amount")]
    public async Task The_validator_catches_a_bad_document(string document, string named)
    {
        var problems = await Schema.Value.ProblemsAsync(document);

        Assert.Contains(problems, problem => problem.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_catches_a_mutation_that_lacks_its_idempotency_key()
    {
        var document = ShopifyOperation.All().Single(o => o.Name == "InventorySetQuantities").Document
            .Replace(" @idempotent(key: $idempotencyKey)", "", StringComparison.Ordinal)
            .Replace(", $idempotencyKey: String!", "", StringComparison.Ordinal);

        var problems = await Schema.Value.ProblemsAsync(document);

        Assert.Equal(["Mutation 'inventorySetQuantities' requires @idempotent(key: ...) from API version 2026-04 on."], problems);
    }
}
