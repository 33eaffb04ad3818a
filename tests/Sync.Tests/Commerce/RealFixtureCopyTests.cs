using Portal.Sync.Shopify;
using Portal.Tests.Shared;

namespace Portal.Sync.Tests.Commerce;

public class RealFixtureCopyTests
{
    /// <summary>The repository's copy of the real samples is byte for byte the shared folder's, wherever that folder is present.</summary>
    [Fact]
    public void The_copy_in_the_repository_equals_the_shared_samples()
    {
        var copy = RepositoryPaths.RealFixturesCopy;
        var copied = Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(copy, f)).Order().ToList();
        Assert.Contains("SOURCES.md", copied);
        Assert.Contains(Path.Combine("woocommerce", "order.wc-v3-docs-example.json"), copied);
        Assert.Contains(Path.Combine("shopify", "schema", $"admin_{ShopifyOptions.PinnedApiVersion}.json.gz"), copied);
        if (RepositoryPaths.SharedRealFixtures is not { } shared)
        {
            return;
        }

        foreach (var file in copied)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(shared, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, file))), $"{file} differs from the shared sample.");
        }
    }
}
