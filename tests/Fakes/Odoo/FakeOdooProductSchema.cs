namespace Portal.Fakes.Odoo;

/// <summary>Product attributes, the template's attribute lines and values, and pricelist rules, with the field names of Odoo 17 to 19.</summary>
internal static class FakeOdooProductSchema
{
    public static IEnumerable<FakeOdooModel> Models() =>
    [
        new("product.attribute", "Product Attribute", [Field("name", "char", "Attribute", required: true), Field("create_variant", "selection", "Variant Creation", selection: "always dynamic no_variant"), Field("sequence", "integer", "Sequence")]),
        new("product.attribute.value", "Attribute Value", [Field("name", "char", "Value", required: true), Field("attribute_id", "many2one", "Attribute", "product.attribute", required: true), Field("sequence", "integer", "Sequence")]),
        new("product.template.attribute.line", "Product Template Attribute Line",
        [
            Field("product_tmpl_id", "many2one", "Product Template", "product.template", required: true),
            Field("attribute_id", "many2one", "Attribute", "product.attribute", required: true),
            Field("value_ids", "many2many", "Values", "product.attribute.value"),
            Field("product_template_value_ids", "one2many", "Product Attribute Values", "product.template.attribute.value", inverse: "attribute_line_id"),
        ]),
        new("product.template.attribute.value", "Product Template Attribute Value",
        [
            Field("name", "char", "Value"),
            Field("product_tmpl_id", "many2one", "Product Template", "product.template"),
            Field("attribute_line_id", "many2one", "Attribute Line", "product.template.attribute.line", required: true),
            Field("attribute_id", "many2one", "Attribute", "product.attribute"),
            Field("product_attribute_value_id", "many2one", "Attribute Value", "product.attribute.value", required: true),
            Field("price_extra", "float", "Value Price Extra"),
            Field("ptav_active", "boolean", "Active"),
        ]),
        new("product.pricelist.item", "Pricelist Rule",
        [
            Field("pricelist_id", "many2one", "Pricelist", "product.pricelist", required: true),
            Field("applied_on", "selection", "Apply On", selection: "3_global 2_product_category 1_product 0_product_variant"),
            Field("compute_price", "selection", "Price Type", selection: "fixed percentage formula"),
            Field("base", "selection", "Based on", selection: "list_price standard_price pricelist"),
            Field("fixed_price", "float", "Fixed Price"),
            Field("percent_price", "float", "Percentage Price"),
            Field("product_tmpl_id", "many2one", "Product", "product.template"),
            Field("product_id", "many2one", "Variant", "product.product"),
            Field("min_quantity", "float", "Min. Quantity"),
            Field("date_start", "datetime", "Start Date"),
            Field("date_end", "datetime", "End Date"),
        ]),
    ];

    private static FakeOdooField Field(string name, string type, string label, string? relation = null, string? inverse = null, bool required = false, string? selection = null) =>
        new(name, type, label, relation, inverse, required, selection?.Split(' '));
}
