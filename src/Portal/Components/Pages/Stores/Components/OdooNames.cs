namespace Portal.Components.Pages.Stores.Components;

/// <summary>How a page names an Odoo record it knows only the id of.</summary>
public static class OdooNames
{
    public static string Unknown(long id) => $"Odoo record #{id}";

    public static string Of(IReadOnlyList<Portal.Sync.Settings.OdooChoice>? choices, long? id) =>
        id is not { } known ? "—" : choices?.FirstOrDefault(c => c.Id == known)?.Name ?? Unknown(known);
}
