namespace Portal.Sync.Jobs;

/// <summary>
/// Thrown by a flow when something must be set up before it can go on, e.g. "No tax mapping for
/// 'FR TVA 20%' (20 %, FR, included)"; <see cref="FixPath"/> is the page where it is fixed.
/// </summary>
public sealed class JobConfigurationException(string message, string fixPath) : Exception(message)
{
    public string FixPath { get; } = fixPath;
}
