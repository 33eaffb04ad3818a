namespace Portal.Auth;

/// <summary>Every tenant page lives under /t/{tenantId}; this is the one place that reads that prefix.</summary>
public static class TenantRoute
{
    public const string Prefix = "/t/";
    public const string ParameterName = "TenantId";

    public static bool TryParse(PathString path, out Guid tenantId)
    {
        tenantId = Guid.Empty;
        if (!path.StartsWithSegments("/t", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return false;
        }

        var segment = rest.Value!.TrimStart('/');
        var end = segment.IndexOf('/', StringComparison.Ordinal);
        return Guid.TryParse(end < 0 ? segment : segment[..end], out tenantId);
    }

    public static string For(Guid tenantId, string page = "") =>
        page.Length == 0 ? $"{Prefix}{tenantId}" : $"{Prefix}{tenantId}/{page}";
}
