using Microsoft.EntityFrameworkCore;
using Portal.Sync.Settings;

namespace Portal.Sync.Configuration;

/// <summary>
/// One kind of a store's mappings as an import sees it. Its form finds a mapping again by the natural key and fills
/// it; the description covers every field, so two mappings that read the same are the same.
/// </summary>
internal sealed record MappingKind<TEntity, TForm>(string Name, Func<TEntity> Create, Func<TEntity, string> Describe)
    where TEntity : class
    where TForm : IMappingForm<TEntity, TForm>
{
    /// <summary>Makes the store's mappings of this kind the document's: adds, changes and removes, and counts what it did.</summary>
    public void Sync(DbSet<TEntity> set, IReadOnlyList<TEntity> existing, IReadOnlyList<TForm> wanted, string subject, ImportTally tally, DateTimeOffset now)
    {
        var matched = new HashSet<TEntity>();
        foreach (var form in wanted)
        {
            var key = form.NaturalKey();
            var mapping = existing.FirstOrDefault(m => TForm.From(m).NaturalKey() == key);
            var probe = Create();
            form.ApplyTo(probe, now);
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
            form.ApplyTo(mapping, now);
            tally.Update(subject, $"{Name} changed: {before} → {Describe(mapping)}");
        }

        foreach (var stale in existing.Where(m => !matched.Contains(m)))
        {
            set.Remove(stale);
            tally.Remove(subject, $"{Name} removed: {Describe(stale)}");
        }
    }
}
