namespace Portal.Sync.Odoo.Connection;

/// <summary>Every model the connector touches and what it does there; checked at setup so a bad setup fails there.</summary>
public static class OdooRequirements
{
    private static readonly string[] ReadOnly = ["read"];
    private static readonly string[] ReadWrite = ["read", "create", "write"];

    public static IReadOnlyList<(string Model, string[] Operations)> Models { get; } =
    [
        ("res.partner", ReadWrite),
        ("product.product", ReadWrite),
        ("product.template", ReadWrite),
        ("sale.order", ReadWrite),
        ("sale.order.line", ReadWrite),
        ("stock.quant", ReadOnly),
        ("stock.picking", ReadWrite),
        ("stock.move", ReadOnly),
        ("stock.warehouse", ReadOnly),
        ("stock.location", ReadOnly),
        ("account.tax", ReadOnly),
        ("account.fiscal.position", ReadOnly),
        ("account.journal", ReadOnly),
        ("account.move", ReadWrite),
        ("account.payment", ReadWrite),
        ("delivery.carrier", ReadOnly),
        ("res.country", ReadOnly),
        ("res.country.state", ReadOnly),
        ("res.currency", ReadOnly),
        ("product.pricelist", ReadOnly),
    ];
}
