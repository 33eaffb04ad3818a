namespace Portal.Sync.Stores;

/// <summary>How far back "Import recent orders" reaches.</summary>
public sealed class RecentOrdersImportForm
{
    public int Days { get; set; } = 7;
}
