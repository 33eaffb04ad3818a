namespace Portal.Sync.Stores;

/// <summary>Bound from "Stores": how stores are reached and how often they are polled for what webhooks missed.</summary>
public sealed class StoresOptions
{
    /// <summary>
    /// The portal's public base address ("https://connector.example.com") that stores send webhooks to. Without
    /// it no webhook can be registered: polling still finds every change, a poll interval later.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How often each store is asked for orders changed since its cursor; a missed webhook is recovered within it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each poll reads back this far before its cursor, for changes the store committed late; job identity keys make the repeat harmless.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each store's webhook subscriptions are verified and repaired.</summary>
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Accepts shop and site addresses on 127.0.0.1/localhost, over plain HTTP. Only for the demo sandbox and
    /// tests, whose fake stores listen there; a production portal must not let a form point it at its own host.
    /// </summary>
    public bool AllowLoopbackAddresses { get; set; }
}
