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
        var lineUnit = ManyToOne(major >= 19 ? "product_uom_id" : "product_uom", "Unit of Measure", "uom.uom");
        var paymentReference = major >= 18 ? Char("memo", "Memo") : Char("ref", "Reference");
        var paymentStates = major >= 18 ? "draft in_process paid canceled rejected" : "draft posted cancel";

        FakeOdooModel[] models =
        [
            new("res.company", "Companies", [Char("name", "Company Name", true), ManyToOne("currency_id", "Currency", "res.currency"), ManyToOne("country_id", "Country", "res.country"), Select("tax_calculation_rounding_method", "Tax Calculation Rounding Method", "round_per_line round_globally"), ManyToOne("account_sale_tax_id", "Default Sale Tax", "account.tax")]),
            new("res.users", "User", [Char("name", "Name"), Char("login", "Login", true), ManyToOne("company_id", "Company", "res.company"), ManyToMany("company_ids", "Companies", "res.company")]),
            new("res.currency", "Currency", [Char("name", "Currency", true), Float("rounding", "Rounding Factor"), Bool("active", "Active")]),
            new("res.country", "Country", [Char("name", "Country Name", true), Char("code", "Country Code")]),
            new("res.country.state", "Country state", [Char("name", "State Name", true), Char("code", "State Code"), ManyToOne("country_id", "Country", "res.country", true)]),
            new("res.partner", "Contact", [Char("name", "Name"), Char("email", "Email"), Char("phone", "Phone"), Char("street", "Street"), Char("street2", "Street2"), Char("company_name", "Company Name"), Char("city", "City"), Char("zip", "Zip"), ManyToOne("country_id", "Country", "res.country"), ManyToOne("state_id", "State", "res.country.state"), ManyToOne("parent_id", "Related Company", "res.partner"), Bool("is_company", "Is a Company"), Select("type", "Address Type", "contact invoice delivery other"), Bool("active", "Active"), ManyToOne("company_id", "Company", "res.company")]),
            new("uom.uom", "Product Unit of Measure", [Char("name", "Unit of Measure", true), Float("factor", "Ratio"), Bool("active", "Active")]),
            new("crm.team", "Sales Team", [Char("name", "Sales Team", true), ManyToOne("company_id", "Company", "res.company"), Bool("active", "Active")]),
            new("product.template", "Product", [Char("name", "Name", true), Char("default_code", "Internal Reference"), Char("barcode", "Barcode"), Float("list_price", "Sales Price"), Float("weight", "Weight"), Bool("active", "Active"), .. productType, OneToMany("product_variant_ids", "Products", "product.product", "product_tmpl_id"), ManyToMany("taxes_id", "Sales Taxes", "account.tax"), Char("description_sale", "Sales Description"), OneToMany("attribute_line_ids", "Product Attributes", "product.template.attribute.line", "product_tmpl_id"), new("image_1920", "binary", "Image")]),
            new("product.product", "Product Variant", [Char("name", "Name"), Char("default_code", "Internal Reference"), Char("barcode", "Barcode"), Float("lst_price", "Sales Price"), ManyToOne("product_tmpl_id", "Product Template", "product.template", true), Float("qty_available", "Quantity On Hand"), Float("free_qty", "Free To Use Quantity"), Float("virtual_available", "Forecasted Quantity"), Bool("active", "Active"), .. productType, ManyToMany("taxes_id", "Sales Taxes", "account.tax"), Float("weight", "Weight"), ManyToMany("product_template_attribute_value_ids", "Attribute Values", "product.template.attribute.value")]),
            new("product.pricelist", "Pricelist", [Char("name", "Pricelist Name", true), ManyToOne("currency_id", "Currency", "res.currency"), Bool("active", "Active"), OneToMany("item_ids", "Pricelist Rules", "product.pricelist.item", "pricelist_id")]),
            .. FakeOdooProductSchema.Models(),
            new("account.tax", "Tax", [Char("name", "Tax Name", true), Float("amount", "Amount"), Select("amount_type", "Tax Computation"), Select("type_tax_use", "Tax Type"), ManyToOne("company_id", "Company", "res.company"), ManyToOne("country_id", "Country", "res.country"), Bool("active", "Active"), .. taxIncluded]),
            new("account.fiscal.position", "Fiscal Position", [Char("name", "Fiscal Position", true), ManyToOne("company_id", "Company", "res.company"), ManyToOne("country_id", "Country", "res.country")]),
            new("account.journal", "Journal", [Char("name", "Journal Name", true), Char("code", "Short Code"), Select("type", "Type"), ManyToOne("company_id", "Company", "res.company")]),
            new("account.move", "Journal Entry", [Char("name", "Number"), Select("move_type", "Type", "entry out_invoice out_refund in_invoice in_refund out_receipt in_receipt"), Select("state", "Status", "draft posted cancel"), Select("payment_state", "Payment Status", "not_paid in_payment paid partial reversed invoicing_legacy"), ManyToOne("partner_id", "Partner", "res.partner"), Char("invoice_origin", "Origin"), Char("ref", "Reference"), ManyToOne("reversed_entry_id", "Reversal of", "account.move"), OneToMany("invoice_line_ids", "Invoice lines", "account.move.line", "move_id"), Float("amount_untaxed", "Untaxed Amount"), Float("amount_tax", "Tax"), Float("amount_total", "Total"), Float("amount_residual", "Amount Due"), ManyToOne("journal_id", "Journal", "account.journal"), ManyToOne("currency_id", "Currency", "res.currency"), ManyToOne("company_id", "Company", "res.company"), Date("invoice_date", "Invoice/Bill Date"), Date("date", "Date")]),
            new("account.move.line", "Journal Item", [ManyToOne("move_id", "Journal Entry", "account.move", true), Char("name", "Label"), ManyToOne("product_id", "Product", "product.product"), Float("quantity", "Quantity"), Float("price_unit", "Unit Price"), Float("discount", "Discount (%)"), ManyToMany("tax_ids", "Taxes", "account.tax"), ManyToMany("sale_line_ids", "Sales Order Lines", "sale.order.line"), Float("price_subtotal", "Subtotal"), Float("price_total", "Total")]),
            new("account.payment.register", "Pay", [ManyToOne("journal_id", "Journal", "account.journal"), Float("amount", "Amount"), Date("payment_date", "Payment Date"), Char("communication", "Memo"), Select("payment_type", "Payment Type", "outbound inbound"), ManyToOne("partner_id", "Customer/Vendor", "res.partner"), ManyToMany("line_ids", "Journal items", "account.move")]),
            new("account.payment", "Payments", [Char("name", "Number"), Float("amount", "Amount"), Select("payment_type", "Payment Type", "outbound inbound"), Select("partner_type", "Partner Type", "customer supplier"), Date("date", "Date"), paymentReference, ManyToOne("journal_id", "Journal", "account.journal"), ManyToOne("partner_id", "Customer/Vendor", "res.partner"), ManyToOne("currency_id", "Currency", "res.currency"), Select("state", "Status", paymentStates), ManyToMany("reconciled_invoice_ids", "Reconciled Invoices", "account.move")]),
            new("delivery.carrier", "Shipping Methods", [Char("name", "Delivery Method", true), ManyToOne("product_id", "Delivery Product", "product.product", true), Select("delivery_type", "Provider"), Float("fixed_price", "Fixed Price"), Char("tracking_url", "Tracking Link")]),
            new("stock.warehouse", "Warehouse", [Char("name", "Warehouse", true), Char("code", "Short Name"), ManyToOne("lot_stock_id", "Location Stock", "stock.location"), ManyToOne("company_id", "Company", "res.company")]),
            new("stock.location", "Inventory Locations", [Char("name", "Location Name", true), Char("complete_name", "Full Location Name"), Select("usage", "Location Type"), ManyToOne("warehouse_id", "Warehouse", "stock.warehouse")]),
            new("stock.quant", "Quants", [ManyToOne("product_id", "Product", "product.product", true), ManyToOne("location_id", "Location", "stock.location", true), Float("quantity", "Quantity"), Float("reserved_quantity", "Reserved Quantity"), Float("inventory_quantity", "Counted Quantity"), Bool("inventory_quantity_set", "Inventory Quantity Set")]),
            new("stock.picking", "Transfer", [Char("name", "Reference"), Char("origin", "Source Document"), ManyToOne("partner_id", "Contact", "res.partner"), ManyToOne("sale_id", "Sales Order", "sale.order"), Select("state", "Status"), Select("picking_type_code", "Type of Operation"), Char("carrier_tracking_ref", "Tracking Reference"), Char("carrier_tracking_url", "Tracking URL"), Datetime("date_done", "Date of Transfer"), ManyToOne("carrier_id", "Carrier", "delivery.carrier"), OneToMany("move_ids", "Stock Moves", "stock.move", "picking_id"), ManyToOne("return_id", "Return of", "stock.picking"), ManyToOne("backorder_id", "Back Order of", "stock.picking")]),
            new("stock.move", "Stock Move", [Char("name", "Description"), ManyToOne("picking_id", "Transfer", "stock.picking"), ManyToOne("product_id", "Product", "product.product", true), Float("product_uom_qty", "Demand"), Float("quantity", "Quantity"), Bool("picked", "Picked"), Select("state", "Status"), ManyToOne("sale_line_id", "Sale Line", "sale.order.line"), ManyToOne("origin_returned_move_id", "Origin return move", "stock.move")]),
            new("stock.return.picking", "Return Picking", [ManyToOne("picking_id", "Picking", "stock.picking"), OneToMany("product_return_moves", "Moves", "stock.return.picking.line", "wizard_id"), ManyToOne("location_id", "Return Location", "stock.location")]),
            new("stock.return.picking.line", "Return Picking Line", [ManyToOne("product_id", "Product", "product.product", true), Float("quantity", "Quantity", true), ManyToOne("wizard_id", "Wizard", "stock.return.picking"), ManyToOne("move_id", "Move", "stock.move")]),
            new("sale.order", "Sales Order", [Char("name", "Order Reference"), ManyToOne("partner_id", "Customer", "res.partner", true), ManyToOne("partner_shipping_id", "Delivery Address", "res.partner"), ManyToOne("partner_invoice_id", "Invoice Address", "res.partner"), Char("client_order_ref", "Customer Reference"), Char("origin", "Source Document"), Select("state", "Status"), ManyToOne("company_id", "Company", "res.company"), ManyToOne("currency_id", "Currency", "res.currency"), ManyToOne("pricelist_id", "Pricelist", "product.pricelist"), ManyToOne("warehouse_id", "Warehouse", "stock.warehouse"), ManyToOne("fiscal_position_id", "Fiscal Position", "account.fiscal.position"), ManyToOne("team_id", "Sales Team", "crm.team"), ManyToOne("carrier_id", "Delivery Method", "delivery.carrier"), Datetime("date_order", "Order Date"), Html("note", "Terms and conditions"), OneToMany("order_line", "Order Lines", "sale.order.line", "order_id"), OneToMany("picking_ids", "Transfers", "stock.picking", "sale_id"), ManyToMany("invoice_ids", "Invoices", "account.move"), Select("invoice_status", "Invoice Status", "upselling invoiced to invoice no"), Float("amount_untaxed", "Untaxed Amount"), Float("amount_tax", "Taxes"), Float("amount_total", "Total")]),
            new("sale.order.line", "Sales Order Line", [ManyToOne("order_id", "Order Reference", "sale.order", true), Integer("sequence", "Sequence"), ManyToOne("product_id", "Product", "product.product"), Char("name", "Description"), Float("product_uom_qty", "Quantity"), lineUnit, Float("price_unit", "Unit Price"), Float("discount", "Discount (%)"), lineTaxes, Float("price_subtotal", "Subtotal"), Float("price_tax", "Total Tax"), Float("price_total", "Total"), Float("qty_delivered", "Delivery Quantity"), Float("qty_invoiced", "Invoiced Quantity"), ManyToMany("invoice_lines", "Invoice Lines", "account.move.line"), Bool("is_delivery", "Is a Delivery"), Select("invoice_status", "Invoice Status", "upselling invoiced to invoice no"), Select("state", "Order Status", "draft sent sale cancel"), Select("display_type", "Display Type", "line_section line_note")]),
        ];
        return models.ToDictionary(m => m.Name);
    }

    private static FakeOdooField Char(string name, string label, bool required = false) => new(name, "char", label, Required: required);

    private static FakeOdooField Float(string name, string label, bool required = false) => new(name, "float", label, Required: required);

    private static FakeOdooField Bool(string name, string label) => new(name, "boolean", label);

    private static FakeOdooField Select(string name, string label, string? values = null) => new(name, "selection", label, Selection: values?.Split(' '));

    private static FakeOdooField Integer(string name, string label) => new(name, "integer", label);

    private static FakeOdooField Date(string name, string label) => new(name, "date", label);

    private static FakeOdooField Datetime(string name, string label) => new(name, "datetime", label);

    private static FakeOdooField Html(string name, string label) => new(name, "html", label);

    private static FakeOdooField ManyToOne(string name, string label, string relation, bool required = false) => new(name, "many2one", label, relation, Required: required);

    private static FakeOdooField OneToMany(string name, string label, string relation, string inverse) => new(name, "one2many", label, relation, inverse);

    private static FakeOdooField ManyToMany(string name, string label, string relation) => new(name, "many2many", label, relation);
}
