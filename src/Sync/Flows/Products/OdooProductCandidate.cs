namespace Portal.Sync.Flows.Products;

/// <summary>An active Odoo product a store variant may be, found by its internal reference or barcode.</summary>
public sealed record OdooProductCandidate(long Id, string DisplayName, string? Sku, string? Barcode)
{
    /// <summary>The candidates as <see cref="Portal.Data.Entities.ProductMatch.Candidates"/> holds them: "id:name; id:name".</summary>
    public static string Join(IEnumerable<OdooProductCandidate> candidates) => string.Join("; ", candidates.Select(c => $"{c.Id}:{c.DisplayName}"));

    /// <summary>The ids of a stored candidate list, for checking a person's pick against it.</summary>
    public static IReadOnlyList<long> Ids(string? candidates) =>
        (candidates ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => long.TryParse(c.Split(':', 2)[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
}
