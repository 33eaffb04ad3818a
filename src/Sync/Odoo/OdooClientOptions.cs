using Portal.Sync.Http;

namespace Portal.Sync.Odoo;

/// <summary>Bound from "Odoo": timeouts and retries of the Odoo HTTP client.</summary>
public sealed class OdooClientOptions : IRetrySettings
{
    public const string SectionName = "Odoo";

    /// <summary>One attempt's limit; sale order confirmation with many lines can take seconds on a busy Odoo.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for a call with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries of read-only calls after transient failures; changes are never resent blindly.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
