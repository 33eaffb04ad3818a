namespace Portal.Sync.Flows.Orders;

/// <summary>
/// Odoo's totals for an order differ from the store's by more than the store's tolerance. The job parks with
/// the message ("Total mismatch: store 107.00, Odoo 106.99 (tax)") and both breakdowns as its detail.
/// </summary>
public sealed class OrderTotalsMismatchException(string message, string breakdown) : Exception(message)
{
    public string Breakdown { get; } = breakdown;
}
