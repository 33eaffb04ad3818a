namespace Portal.Sync.Http;

/// <summary>How an outbound HTTP client times out and retries; each remote system's options carry their own values.</summary>
public interface IRetrySettings
{
    /// <summary>One attempt's limit.</summary>
    TimeSpan AttemptTimeout { get; }

    /// <summary>The limit for a call with all its retries.</summary>
    TimeSpan TotalTimeout { get; }

    /// <summary>Retries of requests marked idempotent, after transient failures.</summary>
    int MaxRetries { get; }

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    TimeSpan RetryDelay { get; }
}
