using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

public class ConfigurationDocsTests
{
    private static readonly string SamplePath = Path.Combine(RepositoryPaths.Root, "appsettings.sample.json");

    [Fact]
    public void Every_key_of_the_sample_settings_is_explained_in_the_README()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var keys = Keys(JsonDocument.Parse(File.ReadAllText(SamplePath)).RootElement, "").ToList();

        Assert.Contains("ConnectionStrings:Portal", keys);
        Assert.All(keys, key => Assert.Contains($"`{key}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sample_settings_start_the_portal()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(SamplePath).Build()
            .AsEnumerable()
            .Where(pair => pair.Key is not ("Urls" or "Database:DataDirectory") && !pair.Key.StartsWith("Serilog:WriteTo", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value);

        await using var host = await PortalTestHost.StartAsync(sample);
        using var browser = host.NewBrowser();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetPageAsync("/healthz/ready")).Status);
    }

    // Leaf keys in configuration notation; an array (a list of sinks) counts as one key.
    private static IEnumerable<string> Keys(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && !(prefix == "Serilog" && property.Name == "MinimumLevel"))
            {
                foreach (var child in Keys(property.Value, key))
                {
                    yield return child;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
