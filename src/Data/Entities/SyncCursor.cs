namespace Portal.Data.Entities;

/// <summary>
/// How far a polling stream of a store has read ("orders"): changes up to <see cref="Position"/> were enqueued.
/// The next poll starts an overlap window before it, so a change committed late on the platform is not missed.
/// </summary>
public class SyncCursor : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string Stream { get; set; }
    public DateTimeOffset Position { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
