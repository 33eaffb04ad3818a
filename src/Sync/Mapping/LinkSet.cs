using Portal.Data.Entities;

namespace Portal.Sync.Mapping;

/// <summary>The record links a job looked up, by kind and store key.</summary>
public sealed class LinkSet(IEnumerable<RecordLink> links)
{
    private readonly Dictionary<(RecordLinkKind, string), RecordLink> byKey = links.ToDictionary(l => (l.Kind, l.StoreKey));

    public RecordLink? Find(RecordLinkKind kind, string storeKey) => byKey.GetValueOrDefault((kind, storeKey));

    public long? OdooId(RecordLinkKind kind, string storeKey) => Find(kind, storeKey)?.OdooId;
}
