namespace Portal.Tests.Shared;

/// <summary>The repository root, found from the test binaries; compiled into each test project that needs it.</summary>
internal static class RepositoryPaths
{
    private const string RealFixturesVariable = "PORTAL_REAL_FIXTURES";
    private static readonly string RealFixturesFolder = Path.Combine("shared", "fixtures", "real");

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The real store samples (see their SOURCES.md), kept outside the repository beside the checkouts: the
    /// nearest <c>shared/fixtures/real</c> at or above the root, or the folder <c>PORTAL_REAL_FIXTURES</c> names.
    /// </summary>
    public static string RealFixtures => FindRealFixtures();

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

        for (var directory = new DirectoryInfo(Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RealFixturesFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"The real store samples were not found: no {RealFixturesFolder} at or above {Root}. " +
            $"Put them there (they live beside the checkouts, e.g. /work/shared/fixtures/real) or set {RealFixturesVariable} to their folder.");
    }
}
