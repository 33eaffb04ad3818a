namespace Portal.Data;

/// <summary>Raised when a save would create or change a row of a tenant other than the active one.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
