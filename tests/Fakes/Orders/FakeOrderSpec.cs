namespace Portal.Fakes.Orders;

/// <summary>
/// A store order described once, which the fake Shopify and the fake WooCommerce each render in their own API's
/// shapes, so an order-to-cash scenario runs unchanged on both platforms. Taxes are computed by
/// <see cref="FakeOrderMath"/> as both platforms do: per line, on the discounted amount, rounded to the cent.
/// </summary>
public sealed record FakeOrderSpec
{
    public string Currency { get; init; } = "USD";
    public bool PricesIncludeTax { get; init; }

    /// <summary>Null for a guest checkout.</summary>
    public string? CustomerId { get; init; } = "7001";

    public string Email { get; init; } = "ada@example.com";
    public string FirstName { get; init; } = "Ada";
    public string LastName { get; init; } = "Lovelace";
    public string? Phone { get; init; } = "+1 415 555 0100";
    public string? Company { get; init; }
    public FakeAddressSpec ShippingAddress { get; init; } = FakeAddressSpec.SanFrancisco;
    public FakeAddressSpec BillingAddress { get; init; } = FakeAddressSpec.SanFrancisco;
    public required IReadOnlyList<FakeOrderLineSpec> Lines { get; init; }
    public FakeShippingSpec? Shipping { get; init; }

    /// <summary>The discount code whose amounts are the lines' <see cref="FakeOrderLineSpec.Discount"/>.</summary>
    public string? DiscountCode { get; init; }

    public decimal Tip { get; init; }

    /// <summary>Import duties (Shopify Markets); WooCommerce has none.</summary>
    public IReadOnlyList<FakeDutySpec> Duties { get; init; } = [];

    /// <summary>Fee lines (WooCommerce); Shopify has none.</summary>
    public IReadOnlyList<FakeFeeSpec> Fees { get; init; } = [];

    /// <summary>The gateway the customer paid with ("bogus", "shopify_payments", "paypal", "bacs", "gift_card").</summary>
    public string Gateway { get; init; } = "bogus";

    /// <summary>Unpaid orders are pending payment (WooCommerce "pending", Shopify PENDING with no sale).</summary>
    public bool Paid { get; init; } = true;

    public decimal Total => FakeOrderMath.Total(this);
}

/// <summary>A product line; <see cref="Discount"/> is the amount of the order's discount code that fell on it.</summary>
public sealed record FakeOrderLineSpec(string Sku, string Title, int Quantity, decimal UnitPrice, IReadOnlyList<FakeTaxSpec> Taxes, decimal Discount = 0m);

/// <summary>A tax as stores name it: "CA State Tax" at 0.0725; <see cref="CountryCode"/> for WooCommerce's rate codes.</summary>
public sealed record FakeTaxSpec(string Title, decimal Rate, string CountryCode = "US");

public sealed record FakeShippingSpec(string Title, string Code, decimal Price, IReadOnlyList<FakeTaxSpec> Taxes, decimal Discount = 0m);

/// <summary>A duty on the line at <see cref="LineIndex"/>.</summary>
public sealed record FakeDutySpec(int LineIndex, decimal Amount, IReadOnlyList<FakeTaxSpec> Taxes);

public sealed record FakeFeeSpec(string Name, decimal Amount, IReadOnlyList<FakeTaxSpec> Taxes);

public sealed record FakeAddressSpec(string Line1, string City, string ProvinceCode, string Zip, string CountryCode)
{
    public static readonly FakeAddressSpec SanFrancisco = new("1 Market St", "San Francisco", "CA", "94105", "US");
    public static readonly FakeAddressSpec Paris = new("5 Rue de Rivoli", "Paris", "", "75001", "FR");
}

/// <summary>
/// Goods or money given back: <see cref="Lines"/> are (line index, quantity, restock); <see cref="Shipping"/> is
/// the shipping amount refunded (before tax); the amount refunded is computed like the order's.
/// </summary>
public sealed record FakeRefundSpec(IReadOnlyList<FakeRefundLineSpec> Lines, decimal Shipping = 0m, string Note = "Customer returned it")
{
    public bool Restock => Lines.Any(l => l.Restock);
}

public sealed record FakeRefundLineSpec(int LineIndex, int Quantity, bool Restock = false);
