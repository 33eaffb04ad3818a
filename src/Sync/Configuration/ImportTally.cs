namespace Portal.Sync.Configuration;

/// <summary>Counts what an import does to each item and keeps the changes, each under the store (or connection) it belongs to.</summary>
internal sealed class ImportTally
{
    private readonly List<ConfigurationChange> changes = [];

    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Removed { get; private set; }

    public IReadOnlyList<ConfigurationChange> Changes => changes;

    public IEnumerable<string> ChangesOf(string subject) => changes.Where(c => c.Subject == subject).Select(c => c.Description);

    public void Create(string subject, string description)
    {
        Created++;
        changes.Add(new ConfigurationChange(subject, description));
    }

    public void Update(string subject, string description)
    {
        Updated++;
        changes.Add(new ConfigurationChange(subject, description));
    }

    public void Remove(string subject, string description)
    {
        Removed++;
        changes.Add(new ConfigurationChange(subject, description));
    }

    public void Keep() => Unchanged++;

    public ConfigurationImportResult Result(bool applied) => new([], changes, Created, Updated, Unchanged, Removed, applied);
}
