namespace Portal.Tests.Shared;

/// <summary>The repository root, found from the test binaries; compiled into each test project that needs it.</summary>
internal static class RepositoryPaths
{
    private const string RealFixturesVariable = "PORTAL_REAL_FIXTURES";
    private static readonly string RealFixturesFolder = Path.Combine("shared", "fixtures", "real");

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The real store samples (see their SOURCES.md): the folder <c>PORTAL_REAL_FIXTURES</c> names, else the
    /// shared folder beside the checkouts, else the verbatim copy in the repository, which lets a clone
    /// anywhere run the tests (<c>RealFixtureCopyTests</c> keeps the copy identical to the shared folder).
    /// </summary>
    public static string RealFixtures => FindRealFixtures();

    /// <summary>The nearest <c>shared/fixtures/real</c> at or above the root, when the checkout has one beside it.</summary>
    public static string? SharedRealFixtures
    {
        get
        {
            for (var directory = new DirectoryInfo(Root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RealFixturesFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Shopify's Admin GraphQL schema (introspection JSON, gzipped) of an API version: from the real samples
    /// (shared folder first), else from the repository's copy, which holds the version the client pins.
    /// </summary>
    public static string ShopifySchema(string apiVersion)
    {
        var relative = Path.Combine("shopify", "schema", $"admin_{apiVersion}.json.gz");
        return new[] { RealFixtures, RealFixturesCopy }.Select(folder => Path.Combine(folder, relative)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"No Shopify schema {relative} in {RealFixtures} or {RealFixturesCopy}.");
    }

    /// <summary>The repository's verbatim copy of the shared samples' payloads.</summary>
    public static string RealFixturesCopy => Path.Combine(Root, "tests", "Fixtures", "real");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above the test binaries.");
    }

    private static string FindRealFixtures()
    {
        if (Environment.GetEnvironmentVariable(RealFixturesVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"{RealFixturesVariable} names {configured}, which does not exist.");
        }

        return SharedRealFixtures ?? RealFixturesCopy;
    }
}
