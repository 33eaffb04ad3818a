namespace Portal.Sync.Jobs;

/// <summary>
/// The job store's hand-written SQL, for its hot paths. Names are quoted with brackets and parameters named,
/// which SQLite and SQL Server both read; every statement runs on SQLite in the tests, and JobSqlTests parses
/// each as T-SQL.
/// </summary>
internal static class JobStatements
{
    /// <summary>
    /// The job, unless its event has a job already, and its first history row. Every job of the event but an
    /// ignored one holds it: an active one takes the event in, one that succeeded counts it as a replay. Asking
    /// for "not ignored" keeps the guard on the (TenantId, IdentityKey) index: beside an equality on State, SQLite
    /// may read the (TenantId, State) index instead and walk every succeeded job of the tenant.
    /// </summary>
    public const string Enqueue = """
        INSERT INTO [Jobs] ([Id], [TenantId], [StoreId], [Flow], [Subject], [SubjectKey], [IdentityKey], [ActiveIdentityKey], [Payload],
                            [Priority], [State], [Attempts], [MaxAttempts], [NextRunAt], [DuplicatesSkipped], [CreatedAt], [UpdatedAt])
        SELECT @Id, @TenantId, @StoreId, @Flow, @Subject, @SubjectKey, @IdentityKey, @IdentityKey, @Payload,
               @Priority, @Pending, 0, @MaxAttempts, @NextRunAt, 0, @Now, @Now
        WHERE NOT EXISTS (SELECT 1 FROM [Jobs] WHERE [TenantId] = @TenantId AND [IdentityKey] = @IdentityKey AND [State] <> @Cancelled);
        INSERT INTO [JobStateChanges] ([TenantId], [JobId], [At], [To], [Actor], [Reason])
        SELECT [TenantId], [Id], [CreatedAt], [State], @Actor, @Reason FROM [Jobs] WHERE [Id] = @Id;
        """;

    /// <summary>
    /// The job an event that was not inserted belongs to, by the same index: the active one first (a job's active
    /// identity key is its identity key or null), else the one that succeeded.
    /// </summary>
    public const string Holder = """
        SELECT [Id], [ActiveIdentityKey] FROM [Jobs]
        WHERE [TenantId] = @TenantId AND [IdentityKey] = @IdentityKey AND [State] <> @Cancelled
        ORDER BY CASE WHEN [ActiveIdentityKey] IS NULL THEN 1 ELSE 0 END;
        """;

    /// <summary>Counts an event on the job that already holds it, instead of queuing it again.</summary>
    public const string CountDuplicate = "UPDATE [Jobs] SET [DuplicatesSkipped] = [DuplicatesSkipped] + 1 WHERE [Id] = @Id;";

    /// <summary>
    /// Takes a claim's candidate if it is still as the claim read it: due, and at the same attempt, so nobody
    /// claimed or retried it in between and the attempt number handed to the worker is true.
    /// </summary>
    public const string Take = """
        UPDATE [Jobs] SET [State] = @Running, [LeaseOwner] = @Owner, [LeaseExpiresAt] = @LeaseExpiresAt, [Attempts] = [Attempts] + 1, [UpdatedAt] = @Now
        WHERE [Id] = @Id AND [Attempts] = @Attempts
          AND ((([State] = @Pending OR [State] = @Failed) AND [NextRunAt] <= @Now) OR ([State] = @Running AND [LeaseExpiresAt] < @Now));
        """;

    /// <summary>Ends a run in success, if the lease is still the owner's; the event's identity key is free again.</summary>
    public const string Complete = """
        UPDATE [Jobs] SET [State] = @Succeeded, [UpdatedAt] = @Now, [LeaseOwner] = NULL, [LeaseExpiresAt] = NULL, [ActiveIdentityKey] = NULL,
                          [ErrorKind] = NULL, [LastError] = NULL, [ErrorFingerprint] = NULL, [FixPath] = NULL
        WHERE [Id] = @Id AND [State] = @Running AND [LeaseOwner] = @Owner;
        """;

    /// <summary>Moves a store record's link to the Odoo record an attempt reports; affects no row when it has none yet.</summary>
    public const string UpdateLink = """
        UPDATE [RecordLinks] SET [OdooModel] = @OdooModel, [OdooId] = @OdooId, [Fingerprint] = @Fingerprint, [UpdatedAt] = @Now
        WHERE [StoreId] = @StoreId AND [Kind] = @Kind AND [StoreKey] = @StoreKey;
        """;

    /// <summary>Forgets a store record's link once the store record is gone.</summary>
    public const string DeleteLink = """
        DELETE FROM [RecordLinks] WHERE [StoreId] = @StoreId AND [Kind] = @Kind AND [StoreKey] = @StoreKey;
        """;

    /// <summary>Links a store record for the first time; the unique (StoreId, Kind, StoreKey) index refuses a second link.</summary>
    public const string InsertLink = """
        INSERT INTO [RecordLinks] ([Id], [TenantId], [StoreId], [Kind], [StoreKey], [OdooModel], [OdooId], [Fingerprint], [UpdatedAt])
        VALUES (@Id, @TenantId, @StoreId, @Kind, @StoreKey, @OdooModel, @OdooId, @Fingerprint, @Now);
        """;

    /// <summary>
    /// SQL Server: waits until no other instance is claiming, and holds the others off until this claim's
    /// transaction ends.
    /// </summary>
    public const string ClaimLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = N'Portal.Jobs.Claim', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
        IF @granted < 0 THROW 51000, N'Timed out waiting for another instance to finish claiming jobs.', 1;
        """;
}
