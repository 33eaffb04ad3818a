namespace Portal.Data.Entities;

public enum JobState
{
    /// <summary>Waiting for its run time.</summary>
    Pending,

    /// <summary>Claimed by a worker whose lease has not expired.</summary>
    Running,

    Succeeded,

    /// <summary>Failed with a transient error; runs again at its next run time.</summary>
    Failed,

    /// <summary>Parked: a person must fix something (a mapping, a permission, data Odoo refused) and retry.</summary>
    NeedsAttention,

    /// <summary>Ignored by a person, with a reason.</summary>
    Cancelled,
}
