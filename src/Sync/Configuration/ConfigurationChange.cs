namespace Portal.Sync.Configuration;

/// <summary>One thing an import changes (or would change): the store or connection it belongs to, and what.</summary>
public sealed record ConfigurationChange(string Subject, string Description)
{
    public override string ToString() => $"{Subject}: {Description}";
}
