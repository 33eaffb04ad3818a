namespace Portal.Sync.Flows.Stock;

/// <summary>What a push did: items compared, items whose store quantity differed, of those the ones set, and the store write calls it took.</summary>
public sealed record StockPushResult(int Checked, int Differing, int Fixed, int Calls)
{
    public static StockPushResult None { get; } = new(0, 0, 0, 0);

    public int Failed => Differing - Fixed;

    public StockPushResult Add(StockPushResult other) =>
        new(Checked + other.Checked, Differing + other.Differing, Fixed + other.Fixed, Calls + other.Calls);
}
