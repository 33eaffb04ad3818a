using System.Text;
using Portal.Data.Entities;

namespace Portal.Sync.Configuration;

/// <summary>
/// The environment variable names an export writes: the store's name and platform, then the secret, in capitals
/// with underscores ("Alpha EU" on Shopify: ALPHA_EU_SHOPIFY_ACCESS_TOKEN); ODOO_API_KEY for Odoo. Two stores that
/// would share a prefix get _2, _3… after it.
/// </summary>
public sealed class SecretNames
{
    public const string OdooApiKey = "ODOO_API_KEY";

    private readonly HashSet<string> prefixes = new(StringComparer.Ordinal);

    /// <summary>The prefix of one store's variables; unique among those this instance has given.</summary>
    public string PrefixFor(string storeName, StorePlatform platform)
    {
        var basis = $"{Capitals(storeName)}_{platform.ToString().ToUpperInvariant()}";
        var prefix = basis;
        for (var n = 2; !prefixes.Add(prefix); n++)
        {
            prefix = $"{basis}_{n}";
        }

        return prefix;
    }

    private static string Capitals(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToUpperInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }

        var capitals = text.ToString().TrimEnd('_');

        // A variable name cannot start with a digit, and a name of only other scripts leaves nothing.
        return capitals.Length == 0 || char.IsAsciiDigit(capitals[0]) ? $"STORE_{capitals}".TrimEnd('_') : capitals;
    }
}
