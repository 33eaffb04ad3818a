namespace Portal.Sync.Stores;

/// <summary>A store API call that failed, classified; <see cref="Code"/> is the platform's own error code when it sent one.</summary>
public sealed class StoreApiException(StoreApiErrorKind kind, string message, int? status = null, string? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    public StoreApiErrorKind Kind { get; } = kind;
    public int? Status { get; } = status;
    public string? Code { get; } = code;
}
