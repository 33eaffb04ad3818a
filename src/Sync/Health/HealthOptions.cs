namespace Portal.Sync.Health;

/// <summary>Bound from "Health": how often every tenant's connections are checked in the background.</summary>
public sealed class HealthOptions
{
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
