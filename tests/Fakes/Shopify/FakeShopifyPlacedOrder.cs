using Portal.Fakes.Orders;

namespace Portal.Fakes.Shopify;

/// <summary>
/// An order the fake shop holds from a <see cref="FakeOrderSpec"/>, with the ids Shopify gave its parts and what
/// happened to it since (payment, refunds, cancellation). Its amounts are <see cref="FakeOrderMath"/>'s;
/// <see cref="FakeShopifyOrderGraphQl"/> and <see cref="FakeShopifyOrderRest"/> render it in the API's and the
/// webhooks' shapes. The server changes it under its lock and renders it again after every change.
/// </summary>
public sealed class FakeShopifyPlacedOrder
{
    /// <summary>The shop's one location, where restocked goods go back.</summary>
    public const long LocationId = 68_000_000_001;

    /// <summary>The code the duties of a fake order are charged under (HS 6109: T-shirts), made in China.</summary>
    public const string DutyHarmonizedSystemCode = "610910";

    public const string DutyCountryOfOrigin = "CN";

    private readonly List<FakeShopifyTransaction> transactions = [];
    private readonly List<FakeShopifyPlacedRefund> refunds = [];
    private readonly List<FakeShopifyFulfilment> fulfilments = [];

    internal FakeShopifyPlacedOrder(long id, int number, FakeOrderSpec spec, DateTimeOffset createdAt, IReadOnlyList<long> lineIds,
        IReadOnlyList<(long ProductId, long VariantId)> products, long shippingLineId, IReadOnlyList<long> dutyIds)
    {
        Id = id;
        Number = number;
        Spec = spec;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        LineIds = lineIds;
        Products = products;
        ShippingLineId = shippingLineId;
        DutyIds = dutyIds;
    }

    public long Id { get; }

    public int Number { get; }

    public string Name => $"#{Number}";

    public FakeOrderSpec Spec { get; internal set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; internal set; }

    /// <summary>The id of each line of <see cref="Spec"/>, by index.</summary>
    public IReadOnlyList<long> LineIds { get; }

    /// <summary>The product and variant of each line, the same for every order of the same SKU.</summary>
    public IReadOnlyList<(long ProductId, long VariantId)> Products { get; }

    public long ShippingLineId { get; }

    /// <summary>The id of each duty of <see cref="Spec"/>, by index.</summary>
    public IReadOnlyList<long> DutyIds { get; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Why it was cancelled, in GraphQL's spelling (CUSTOMER, INVENTORY, FRAUD, DECLINED, STAFF, OTHER).</summary>
    public string? CancelReason { get; private set; }

    public IReadOnlyList<FakeShopifyPlacedRefund> Refunds => refunds;

    /// <summary>The order's one fulfillment order (at <see cref="LocationId"/>, with every line) and the id of each of its line items, by line index.</summary>
    public long FulfillmentOrderId { get; internal set; }

    public IReadOnlyList<long> FulfillmentOrderLineIds { get; internal set; } = [];

    public IReadOnlyList<FakeShopifyFulfilment> Fulfilments => fulfilments;

    /// <summary>OrderDisplayFulfillmentStatus: nothing shipped, some, or everything still to ship.</summary>
    public string DisplayFulfillmentStatus =>
        fulfilments.Count == 0 ? "UNFULFILLED"
        : Enumerable.Range(0, Spec.Lines.Count).All(index => UnfulfilledQuantity(index) == 0) ? "FULFILLED"
        : "PARTIALLY_FULFILLED";

    /// <summary>FulfillmentOrderStatus: OPEN until something ships, IN_PROGRESS while some is left, CLOSED once nothing is.</summary>
    public string FulfillmentOrderStatus =>
        Enumerable.Range(0, Spec.Lines.Count).All(index => UnfulfilledQuantity(index) == 0) ? "CLOSED"
        : fulfilments.Count > 0 ? "IN_PROGRESS"
        : "OPEN";

    /// <summary>The payment and the refunds' transactions, oldest first, as the order lists them.</summary>
    public IReadOnlyList<FakeShopifyTransaction> Transactions => [.. transactions, .. refunds.Select(refund => refund.Transaction)];

    public bool Paid => transactions.Exists(transaction => transaction is { Kind: "SALE", Status: "SUCCESS" });

    public decimal Refunded => refunds.Sum(refund => refund.Amount);

    /// <summary>OrderDisplayFinancialStatus; the REST financial_status is the same word in lower case.</summary>
    public string FinancialStatus =>
        !Paid ? (CancelledAt is null ? "PENDING" : "VOIDED")
        : Refunded >= Spec.Total ? "REFUNDED"
        : Refunded > 0 ? "PARTIALLY_REFUNDED"
        : "PAID";

    /// <summary>How many of the line at <paramref name="index"/> are still to ship: none once cancelled, fewer for each shipped or refunded.</summary>
    public int UnfulfilledQuantity(int index) =>
        CancelledAt is not null ? 0
        : Math.Max(0, Spec.Lines[index].Quantity - FulfilledQuantity(index)
                      - refunds.SelectMany(refund => refund.Spec.Lines).Where(line => line.LineIndex == index).Sum(line => line.Quantity));

    public int FulfilledQuantity(int index) => fulfilments.SelectMany(f => f.Lines).Where(line => line.LineIndex == index).Sum(line => line.Quantity);

    internal void Fulfil(FakeShopifyFulfilment fulfilment) => fulfilments.Add(fulfilment);

    /// <summary>The order's taxes summed per title and rate, as the order-level tax lines list them.</summary>
    public IReadOnlyList<(FakeTaxSpec Tax, decimal Amount)> TaxSummary()
    {
        var charged = Spec.Lines.SelectMany(line => line.Taxes.Zip(FakeOrderMath.LineTaxes(Spec, line)))
            .Concat(Spec.Shipping is { } shipping ? shipping.Taxes.Zip(FakeOrderMath.ShippingTaxes(Spec)) : [])
            .Concat(Spec.Duties.SelectMany(duty => duty.Taxes.Zip(FakeOrderMath.DutyTaxes(duty))));
        return charged.GroupBy(tax => (tax.First.Title, tax.First.Rate))
            .Select(group => (group.First().First, group.Sum(tax => tax.Second)))
            .ToList();
    }

    /// <summary>What refunding the line at <paramref name="index"/> gives back: its share of the line's amount and of each tax.</summary>
    public (decimal Subtotal, decimal Tax) RefundLineAmounts(FakeRefundLineSpec refunded)
    {
        ArgumentNullException.ThrowIfNull(refunded);
        var line = Spec.Lines[refunded.LineIndex];
        var share = (decimal)refunded.Quantity / line.Quantity;
        return (FakeOrderMath.Cents(FakeOrderMath.LineAmount(line) * share), FakeOrderMath.LineTaxes(Spec, line).Sum(tax => FakeOrderMath.Cents(tax * share)));
    }

    /// <summary>The tax on the shipping a refund gives back: on top of it, or inside it when prices include tax.</summary>
    public decimal RefundShippingTax(FakeRefundSpec refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return Spec.Shipping is { } shipping ? FakeOrderMath.Taxes(refund.Shipping, shipping.Taxes, Spec.PricesIncludeTax).Sum() : 0m;
    }

    internal void Pay(FakeShopifyTransaction sale) => transactions.Add(sale);

    internal void Refund(FakeShopifyPlacedRefund refund) => refunds.Add(refund);

    internal void Cancel(DateTimeOffset at, string reason)
    {
        CancelledAt = at;
        CancelReason = reason;
    }
}
