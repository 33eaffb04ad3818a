namespace Portal.Hosting;

/// <summary>Why the configured key-ring certificate could not be used.</summary>
public sealed record KeyRingProblem(string Reason);
