using Microsoft.EntityFrameworkCore;

namespace Portal.Sync.Configuration;

/// <summary>
/// One kind of a store's mappings as an import sees it: the natural key that finds a mapping again, how a document's
/// entry becomes one, and a description covering every field, so two mappings that read the same are the same.
/// </summary>
internal sealed record MappingKind<TEntity, TForm>(
    string Name,
    Func<TForm, string> KeyOfForm,
    Func<TEntity, string> KeyOf,
    Func<TEntity> Create,
    Action<TEntity, TForm> Apply,
    Func<TEntity, string> Describe)
    where TEntity : class
{
    /// <summary>Makes the store's mappings of this kind the document's: adds, changes and removes, and counts what it did.</summary>
    public void Sync(DbSet<TEntity> set, IReadOnlyList<TEntity> existing, IReadOnlyList<TForm> wanted, string subject, ImportTally tally)
    {
        var matched = new HashSet<TEntity>();
        foreach (var form in wanted)
        {
            var key = KeyOfForm(form);
            var mapping = existing.FirstOrDefault(m => KeyOf(m) == key);
            var probe = Create();
            Apply(probe, form);
            if (mapping is null)
            {
                set.Add(probe);
                tally.Create(subject, $"{Name} added: {Describe(probe)}");
                continue;
            }

            matched.Add(mapping);
            if (Describe(mapping) == Describe(probe))
            {
                tally.Keep();
                continue;
            }

            var before = Describe(mapping);
            Apply(mapping, form);
            tally.Update(subject, $"{Name} changed: {before} → {Describe(mapping)}");
        }

        foreach (var stale in existing.Where(m => !matched.Contains(m)))
        {
            set.Remove(stale);
            tally.Remove(subject, $"{Name} removed: {Describe(stale)}");
        }
    }
}
