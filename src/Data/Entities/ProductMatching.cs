namespace Portal.Data.Entities;

/// <summary>How an order line without a stored product link finds its Odoo product.</summary>
public enum ProductMatching
{
    SkuThenBarcode,
    BarcodeThenSku,
    SkuOnly,
    BarcodeOnly,
}
