namespace Portal.Components.Pages.Stores.Components;

/// <summary>
/// One thing a wizard offers to map: what the store calls it (<see cref="Cells"/>, the first naming it), how many recent
/// orders use it, what it is mapped to already (null when nothing), and the Odoo record chosen for it, a suggestion at first.
/// </summary>
public sealed class MappingWizardRow(IReadOnlyList<string> cells, int orders, string? mappedTo, long? suggested)
{
    public IReadOnlyList<string> Cells { get; } = cells;

    public string Name => Cells[0].Length > 0 ? Cells[0] : "(untitled)";

    public int Orders { get; } = orders;

    public string? MappedTo { get; set; } = mappedTo;

    public long? Choice { get; set; } = mappedTo is null ? suggested : null;

    /// <summary>Why the last save of this row was refused (the validator's or the service's words).</summary>
    public string? Problem { get; set; }
}
