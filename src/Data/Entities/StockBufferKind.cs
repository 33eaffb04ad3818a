namespace Portal.Data.Entities;

/// <summary>How the safety buffer held back from a store is measured.</summary>
public enum StockBufferKind
{
    Units,
    Percent,
}
