namespace Portal.Sync.Settings;

/// <summary>An Odoo record a picker offers: its id is stored, its name is shown.</summary>
public sealed record OdooChoice(long Id, string Name);
