namespace Portal.Sync.Jobs;

/// <summary>How a failed attempt is treated: retried later, or parked for a person.</summary>
public enum JobErrorKind
{
    /// <summary>Retry with backoff (timeouts, 503, rate limits, serialization conflicts).</summary>
    Transient,

    /// <summary>Park at once: something must be set up (a mapping, a permission, a connection); the message names it.</summary>
    Configuration,

    /// <summary>Park at once: the data was refused (Odoo's validation message, kept verbatim).</summary>
    Validation,

    /// <summary>Park at once: a defect or an unexpected answer; retrying will not help.</summary>
    Unexpected,
}
