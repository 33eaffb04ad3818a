using System.Globalization;

namespace Portal.Sync.Auditing;

/// <summary>
/// The properties that differ between two versions of a settings object, as "Name: old → new", for audit entries.
/// Every setting is a value (an enum, a flag, an Odoo id, an amount), so its text is its invariant form.
/// </summary>
internal static class ValueChanges
{
    public static List<string> Between<T>(T before, T after) =>
        typeof(T).GetProperties()
            .Select(p => (p.Name, Old: Text(p.GetValue(before)), New: Text(p.GetValue(after))))
            .Where(p => p.Old != p.New)
            .Select(p => $"{p.Name}: {p.Old} → {p.New}")
            .ToList();

    public static string Text(object? value) => value switch
    {
        null => "none",

        // G29 drops trailing zeros, so 0.01 read back from the database and 0.010 typed or imported are the same.
        decimal amount => amount.ToString("G29", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
