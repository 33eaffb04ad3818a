namespace Portal.Sync.Webhooks;

/// <summary>
/// The inbox's hand-written SQL, run in the job store's transaction. Like the job store's own statements, names
/// are quoted with brackets and parameters named, which SQLite and SQL Server both read; the tests run them on
/// SQLite and parse them as T-SQL.
/// </summary>
internal static class InboxStatements
{
    /// <summary>Counts a delivery kept before and reads its row and job; reads nothing for a new delivery.</summary>
    public const string CountRedelivery = """
        UPDATE [WebhookDeliveries] SET [DuplicatesSkipped] = [DuplicatesSkipped] + 1 WHERE [StoreId] = @StoreId AND [DeliveryKey] = @DeliveryKey;
        SELECT [Id], [JobId] FROM [WebhookDeliveries] WHERE [StoreId] = @StoreId AND [DeliveryKey] = @DeliveryKey;
        """;

    public const string Keep = """
        INSERT INTO [WebhookDeliveries] ([Id], [TenantId], [StoreId], [Topic], [DeliveryKey], [ReceivedAt], [Body], [ContentType], [Headers],
                                         [Status], [Problem], [JobId], [DuplicatesSkipped])
        VALUES (@Id, @TenantId, @StoreId, @Topic, @DeliveryKey, @ReceivedAt, @Body, @ContentType, @Headers, @Status, @Problem, @JobId, 0);
        """;
}
