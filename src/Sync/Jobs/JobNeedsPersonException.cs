namespace Portal.Sync.Jobs;

/// <summary>
/// Thrown by a flow when the records are in a state only a person should resolve, e.g. a store order cancelled
/// after Odoo delivered it. The job parks with the message; <see cref="FixPath"/> links where to look, if anywhere.
/// </summary>
public sealed class JobNeedsPersonException(string message, string? fixPath = null) : Exception(message)
{
    public string? FixPath { get; } = fixPath;
}
