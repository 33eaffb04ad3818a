namespace Portal.Sync.Settings;

/// <summary>
/// The form of one kind of a store's mappings, which its page, the wizards and the configuration import share:
/// how the form becomes a mapping, and the natural key no two of a store's mappings of the kind share.
/// </summary>
public interface IMappingForm<in TMapping, out TSelf>
    where TSelf : IMappingForm<TMapping, TSelf>
{
    static abstract TSelf From(TMapping mapping);

    /// <summary>The key as a mapping saved from this form holds it (trimmed, country codes in capitals).</summary>
    string NaturalKey();

    void ApplyTo(TMapping mapping, DateTimeOffset now);
}
