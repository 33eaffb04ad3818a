namespace Portal.Fakes.Odoo;

/// <summary>
/// The models the connector uses, with the fields that differ between Odoo 17, 18 and 19 exactly where the
/// real servers differ (product type, tax price-included flag, sale line taxes).
/// </summary>
public static class FakeOdooSchema
{
    public static IReadOnlyDictionary<string, FakeOdooModel> For(int major)
    {
        var productType = major >= 18
            ? new[] { Select("type", "Product Type"), Bool("is_storable", "Track Inventory") }
            : new[] { Select("detailed_type", "Product Type"), Select("type", "Type") };
        var taxIncluded = major >= 18
            ? new[] { Select("price_include_override", "Included in Price"), Bool("price_include", "Included in Price (computed)") }
            : new[] { Bool("price_include", "Included in Price") };
        var lineTaxes = ManyToMany(major >= 19 ? "tax_ids" : "tax_id", "Taxes", "account.tax");

        FakeOdooModel[] models =
        [
            new("res.company", "Companies", [Char("name", "Company Name", true), ManyToOne("currency_id", "Currency", "res.currency"), ManyToOne("country_id", "Country", "res.country"), Select("tax_calculation_rounding_method", "Tax Calculation Rounding Method")]),
            new("res.users", "User", [Char("name", "Name"), Char("login", "Login", true), ManyToOne("company_id", "Company", "res.company"), ManyToMany("company_ids", "Companies", "res.company")]),
            new("res.currency", "Currency", [Char("name", "Currency", true), Float("rounding", "Rounding Factor"), Bool("active", "Active")]),
            new("res.country", "Country", [Char("name", "Country Name", true), Char("code", "Country Code")]),
            new("res.country.state", "Country state", [Char("name", "State Name", true), Char("code", "State Code"), ManyToOne("country_id", "Country", "res.country", true)]),
            new("res.partner", "Contact", [Char("name", "Name"), Char("email", "Email"), Char("phone", "Phone"), Char("street", "Street"), Char("city", "City"), Char("zip", "Zip"), ManyToOne("country_id", "Country", "res.country"), ManyToOne("state_id", "State", "res.country.state"), ManyToOne("parent_id", "Related Company", "res.partner"), Bool("is_company", "Is a Company"), Select("type", "Address Type"), Bool("active", "Active"), ManyToOne("company_id", "Company", "res.company")]),
            new("product.template", "Product", [Char("name", "Name", true), Char("default_code", "Internal Reference"), Char("barcode", "Barcode"), Float("list_price", "Sales Price"), Float("weight", "Weight"), Bool("active", "Active"), .. productType, OneToMany("product_variant_ids", "Products", "product.product", "product_tmpl_id"), ManyToMany("taxes_id", "Sales Taxes", "account.tax")]),
            new("product.product", "Product Variant", [Char("name", "Name"), Char("default_code", "Internal Reference"), Char("barcode", "Barcode"), Float("lst_price", "Sales Price"), ManyToOne("product_tmpl_id", "Product Template", "product.template", true), Float("qty_available", "Quantity On Hand"), Float("free_qty", "Free To Use Quantity"), Float("virtual_available", "Forecasted Quantity"), Bool("active", "Active"), .. productType]),
            new("product.pricelist", "Pricelist", [Char("name", "Pricelist Name", true), ManyToOne("currency_id", "Currency", "res.currency"), Bool("active", "Active")]),
            new("account.tax", "Tax", [Char("name", "Tax Name", true), Float("amount", "Amount"), Select("amount_type", "Tax Computation"), Select("type_tax_use", "Tax Type"), ManyToOne("company_id", "Company", "res.company"), ManyToOne("country_id", "Country", "res.country"), Bool("active", "Active"), .. taxIncluded]),
            new("account.fiscal.position", "Fiscal Position", [Char("name", "Fiscal Position", true), ManyToOne("company_id", "Company", "res.company"), ManyToOne("country_id", "Country", "res.country")]),
            new("account.journal", "Journal", [Char("name", "Journal Name", true), Char("code", "Short Code"), Select("type", "Type"), ManyToOne("company_id", "Company", "res.company")]),
            new("account.move", "Journal Entry", [Char("name", "Number"), Select("move_type", "Type"), Select("state", "Status"), Select("payment_state", "Payment Status"), ManyToOne("partner_id", "Partner", "res.partner"), Char("invoice_origin", "Origin"), Char("ref", "Reference"), ManyToOne("reversed_entry_id", "Reversal of", "account.move"), OneToMany("invoice_line_ids", "Invoice lines", "account.move.line", "move_id"), Float("amount_total", "Total"), Float("amount_residual", "Amount Due"), ManyToOne("journal_id", "Journal", "account.journal")]),
            new("account.move.line", "Journal Item", [ManyToOne("move_id", "Journal Entry", "account.move", true), Char("name", "Label"), ManyToOne("product_id", "Product", "product.product"), Float("quantity", "Quantity"), Float("price_unit", "Unit Price"), Float("price_subtotal", "Subtotal")]),
            new("account.payment.register", "Pay", [ManyToOne("journal_id", "Journal", "account.journal"), Float("amount", "Amount"), Char("payment_date", "Payment Date"), ManyToOne("partner_id", "Customer/Vendor", "res.partner"), ManyToMany("line_ids", "Journal items", "account.move")]),
            new("account.payment", "Payments", [Char("name", "Number"), Float("amount", "Amount"), ManyToOne("journal_id", "Journal", "account.journal"), ManyToOne("partner_id", "Customer/Vendor", "res.partner"), Select("state", "Status"), Char("memo", "Memo")]),
            new("delivery.carrier", "Shipping Methods", [Char("name", "Delivery Method", true), ManyToOne("product_id", "Delivery Product", "product.product", true), Select("delivery_type", "Provider")]),
            new("crm.team", "Sales Team", [Char("name", "Sales Team", true), ManyToOne("company_id", "Company", "res.company"), Bool("active", "Active")]),
            new("stock.warehouse", "Warehouse", [Char("name", "Warehouse", true), Char("code", "Short Name"), ManyToOne("lot_stock_id", "Location Stock", "stock.location"), ManyToOne("company_id", "Company", "res.company")]),
            new("stock.location", "Inventory Locations", [Char("name", "Location Name", true), Char("complete_name", "Full Location Name"), Select("usage", "Location Type"), ManyToOne("warehouse_id", "Warehouse", "stock.warehouse")]),
            new("stock.quant", "Quants", [ManyToOne("product_id", "Product", "product.product", true), ManyToOne("location_id", "Location", "stock.location", true), Float("quantity", "Quantity"), Float("reserved_quantity", "Reserved Quantity")]),
            new("stock.picking", "Transfer", [Char("name", "Reference"), Char("origin", "Source Document"), ManyToOne("partner_id", "Contact", "res.partner"), ManyToOne("sale_id", "Sales Order", "sale.order"), Select("state", "Status"), Select("picking_type_code", "Type of Operation"), Char("carrier_tracking_ref", "Tracking Reference"), ManyToOne("carrier_id", "Carrier", "delivery.carrier"), OneToMany("move_ids", "Stock Moves", "stock.move", "picking_id")]),
            new("stock.move", "Stock Move", [Char("name", "Description"), ManyToOne("picking_id", "Transfer", "stock.picking"), ManyToOne("product_id", "Product", "product.product", true), Float("product_uom_qty", "Demand"), Float("quantity", "Quantity"), Select("state", "Status"), ManyToOne("sale_line_id", "Sale Line", "sale.order.line")]),
            new("sale.order", "Sales Order", [Char("name", "Order Reference"), ManyToOne("partner_id", "Customer", "res.partner", true), ManyToOne("partner_shipping_id", "Delivery Address", "res.partner"), ManyToOne("partner_invoice_id", "Invoice Address", "res.partner"), Char("client_order_ref", "Customer Reference"), Char("origin", "Source Document"), Select("state", "Status"), ManyToOne("company_id", "Company", "res.company"), ManyToOne("currency_id", "Currency", "res.currency"), ManyToOne("pricelist_id", "Pricelist", "product.pricelist"), ManyToOne("warehouse_id", "Warehouse", "stock.warehouse"), ManyToOne("fiscal_position_id", "Fiscal Position", "account.fiscal.position"), OneToMany("order_line", "Order Lines", "sale.order.line", "order_id"), OneToMany("picking_ids", "Transfers", "stock.picking", "sale_id"), Float("amount_untaxed", "Untaxed Amount"), Float("amount_tax", "Taxes"), Float("amount_total", "Total")]),
            new("sale.order.line", "Sales Order Line", [ManyToOne("order_id", "Order Reference", "sale.order", true), ManyToOne("product_id", "Product", "product.product"), Char("name", "Description"), Float("product_uom_qty", "Quantity"), Float("price_unit", "Unit Price"), Float("discount", "Discount (%)"), lineTaxes, Float("price_subtotal", "Subtotal"), Float("price_tax", "Total Tax"), Float("price_total", "Total"), Select("display_type", "Display Type")]),
        ];
        return models.ToDictionary(m => m.Name);
    }

    private static FakeOdooField Char(string name, string label, bool required = false) => new(name, "char", label, Required: required);

    private static FakeOdooField Float(string name, string label) => new(name, "float", label);

    private static FakeOdooField Bool(string name, string label) => new(name, "boolean", label);

    private static FakeOdooField Select(string name, string label) => new(name, "selection", label);

    private static FakeOdooField ManyToOne(string name, string label, string relation, bool required = false) => new(name, "many2one", label, relation, Required: required);

    private static FakeOdooField OneToMany(string name, string label, string relation, string inverse) => new(name, "one2many", label, relation, inverse);

    private static FakeOdooField ManyToMany(string name, string label, string relation) => new(name, "many2many", label, relation);
}
