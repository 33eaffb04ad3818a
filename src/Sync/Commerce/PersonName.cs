namespace Portal.Sync.Commerce;

internal static class PersonName
{
    /// <summary>"John Doe" from its parts, null when both are missing.</summary>
    public static string? Join(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(part => part is not null)) is { Length: > 0 } name ? name : null;
}
