using Portal.Sync.Configuration;

namespace Portal.Sync.Tests.Configuration;

/// <summary>Environment variables set for one test only, so tests running side by side never see each other's.</summary>
internal sealed class FakeEnvironmentVariables : IEnvironmentVariables
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string? Get(string name) => Values.GetValueOrDefault(name);
}
