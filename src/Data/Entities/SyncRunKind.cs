namespace Portal.Data.Entities;

/// <summary>The long store-wide operations a person starts and watches.</summary>
public enum SyncRunKind
{
    StockReconciliation,
    ProductMatching,
    ProductExport,
}
