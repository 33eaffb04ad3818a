namespace Portal.Sync.Configuration;

/// <summary>What is wrong in a configuration document, and where: "stores[0].taxMappings[2].rate".</summary>
public sealed record ConfigurationError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
