namespace Portal.Sync.Configuration;

/// <summary>
/// What an import found: the errors (then nothing was applied), or the changes and how many items — a store, its
/// settings, each mapping and link, the Odoo connection — were created, updated, removed or already so.
/// </summary>
public sealed record ConfigurationImportResult(
    IReadOnlyList<ConfigurationError> Errors,
    IReadOnlyList<ConfigurationChange> Changes,
    int Created,
    int Updated,
    int Unchanged,
    int Removed,
    bool Applied)
{
    public bool IsValid => Errors.Count == 0;

    public bool ChangesAnything => Created + Updated + Removed > 0;

    public static ConfigurationImportResult Invalid(IReadOnlyList<ConfigurationError> errors) => new(errors, [], 0, 0, 0, 0, false);

    public string Summary => IsValid
        ? $"{Created} created, {Updated} updated, {Removed} removed, {Unchanged} unchanged"
        : $"{Errors.Count} {(Errors.Count == 1 ? "error" : "errors")}; nothing was applied";
}
