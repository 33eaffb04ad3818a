namespace Portal.Sync.Jobs;

/// <summary>
/// Thrown by a flow whose records depend on another job that has not run yet (a payment before its order
/// reached Odoo); the job is retried with backoff, and parks if the other never comes.
/// </summary>
public sealed class JobNotReadyException(string message) : Exception(message);
