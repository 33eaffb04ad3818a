using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>
/// What an attempt leaves in the portal's database besides its own state: links between the store's records
/// and the Odoo records it created or found, and the jobs that follow from it. The job store writes them in the
/// transaction that records the attempt's outcome, so a crash never leaves an Odoo record its job forgot —
/// links are kept even when the attempt fails, follow-up jobs only when it succeeds.
/// </summary>
public sealed class JobEffects
{
    private readonly Dictionary<(RecordLinkKind, string), RecordLinkWrite> links = [];
    private readonly List<JobRequest> followUps = [];
    private readonly HashSet<(RecordLinkKind Kind, string StoreKey)> unlinks = [];

    public IReadOnlyCollection<RecordLinkWrite> Links => links.Values;

    /// <summary>Store records whose links go: the record was removed from the store (an image the job replaced).</summary>
    public IReadOnlyCollection<(RecordLinkKind Kind, string StoreKey)> Unlinks => unlinks;

    public IReadOnlyList<JobRequest> FollowUps => followUps;

    /// <summary>Links the store record <paramref name="storeKey"/> to an Odoo record; the last link of a key wins.</summary>
    public void Link(RecordLinkKind kind, string storeKey, string odooModel, long odooId, string? fingerprint = null) =>
        links[(kind, storeKey)] = new RecordLinkWrite(kind, storeKey, odooModel, odooId, fingerprint);

    public void Unlink(RecordLinkKind kind, string storeKey) => unlinks.Add((kind, storeKey));

    public void Enqueue(JobRequest request) => followUps.Add(request);
}
