using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>The inspector's filters, sort and page.</summary>
public sealed record JobQuery(
    JobState? State = null,
    string? Flow = null,
    Guid? StoreId = null,
    string? ErrorKind = null,
    string? Text = null,
    DateTimeOffset? UpdatedFrom = null,
    DateTimeOffset? UpdatedTo = null,
    int Page = 0,
    int PageSize = 50,
    JobSort Sort = JobSort.Updated,
    bool Descending = true);

public enum JobSort
{
    Updated,
    Subject,
    Flow,
    Attempts,
}
