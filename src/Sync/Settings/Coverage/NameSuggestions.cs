namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// The Odoo record a store's name for something most likely is, by name alone: spelled the same once case, spaces and
/// punctuation are set aside ("shopify_payments" is "Shopify Payments"), else the longest name one contains the other
/// ("Direct Bank Transfer" holds "Bank"). Null when nothing fits, or two fit equally.
/// </summary>
public static class NameSuggestions
{
    public static OdooChoice? For(IEnumerable<string?> storeNames, IReadOnlyList<OdooChoice> choices)
    {
        var names = storeNames.Select(Letters).Where(n => n.Length > 0).Distinct().ToList();
        var exact = choices.Where(c => names.Contains(Letters(c.Name))).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? exact[0] : null;
        }

        var containing = choices
            .Select(c => (Choice: c, Name: Letters(c.Name)))
            .Where(c => c.Name.Length >= 3 && names.Any(n => n.Contains(c.Name, StringComparison.Ordinal) || (n.Length >= 3 && c.Name.Contains(n, StringComparison.Ordinal))))
            .OrderByDescending(c => c.Name.Length)
            .ToList();
        return containing.Count == 1 || (containing.Count > 1 && containing[0].Name.Length > containing[1].Name.Length) ? containing[0].Choice : null;
    }

    private static string Letters(string? name) => new((name ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
