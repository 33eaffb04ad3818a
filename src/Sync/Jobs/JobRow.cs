using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>One job as the inspector lists it.</summary>
public sealed record JobRow(
    Guid Id,
    Guid? StoreId,
    string Flow,
    string Subject,
    JobState State,
    int Attempts,
    string? ErrorKind,
    string? LastError,
    string? FixPath,
    int DuplicatesSkipped,
    DateTimeOffset UpdatedAt);

/// <summary>Jobs failing for the same root cause: "21 orders blocked: no tax mapping for FR 20 % incl."</summary>
public sealed record JobFailureGroup(string Fingerprint, string ErrorKind, string Message, string? FixPath, int Count, DateTimeOffset Oldest);
