namespace Portal.Sync.WooCommerce;

/// <summary>Query strings as WordPress reads them: names and values percent-encoded per RFC 3986, "+" read as a space (PHP's $_GET).</summary>
internal static class WooCommerceQuery
{
    public static Uri Append(Uri address, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var added = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        if (added.Length == 0)
        {
            return address;
        }

        var builder = new UriBuilder(address);
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{added}" : added;
        return builder.Uri;
    }

    public static IEnumerable<KeyValuePair<string, string>> Parse(Uri address) =>
        address.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => KeyValuePair.Create(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : ""));

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
