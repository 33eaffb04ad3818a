namespace Portal.Sync.Settings.Coverage;

/// <summary>A payment gateway seen in recent orders ("shopify_payments", "bacs") and the Odoo journal mapped to it, if any.</summary>
public sealed record SeenGateway(string Gateway, string? Title, int Orders, long? OdooJournalId)
{
    public bool IsMapped => OdooJournalId is not null;
}
