using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>
/// Every difference between Odoo versions that the connector depends on, in one place. Observed on real
/// 17, 18 and 19 servers (see the shared notes).
/// </summary>
public sealed class OdooVersionProfile(OdooVersion version)
{
    public OdooVersion Version { get; } = version;

    private bool Is18OrLater => Version.Major >= 18;

    /// <summary>The transport Auto chooses: JSON-2 exists from 19 on; JSON-RPC is deprecated there.</summary>
    public OdooTransportKind PreferredTransport => Version.Major >= 19 ? OdooTransportKind.Json2 : OdooTransportKind.JsonRpc;

    /// <summary>Values that make a product template storable (tracked in stock).</summary>
    public JsonObject StorableProduct() => Is18OrLater
        ? new JsonObject { ["type"] = "consu", ["is_storable"] = true }
        : new JsonObject { ["detailed_type"] = "product" };

    /// <summary>Values that make a product template a service (shipping, tips, duties, discounts).</summary>
    public JsonObject ServiceProduct() => Is18OrLater
        ? new JsonObject { ["type"] = "service" }
        : new JsonObject { ["detailed_type"] = "service" };

    /// <summary>The sale order line's taxes field: tax_id up to 18, tax_ids from 19.</summary>
    public string SaleLineTaxesField => Version.Major >= 19 ? "tax_ids" : "tax_id";

    /// <summary>The account.tax fields to read to know whether a tax is included in the price.</summary>
    public string TaxPriceIncludeField => Is18OrLater ? "price_include_override" : "price_include";

    /// <summary>Whether a tax read with <see cref="TaxPriceIncludeField"/> is included in the price.</summary>
    public bool IsPriceIncluded(JsonNode? value) => Is18OrLater
        ? value?.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>() == "tax_included"
        : value?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>name_search's domain argument: "args" up to 17, "domain" from 18.</summary>
    public string NameSearchDomainArgument => Is18OrLater ? "domain" : "args";

    /// <summary>
    /// The call that asks "may the user do operation on this model" without raising. From 18 it is the record
    /// method has_access, called on no records (ids = []): over JSON-RPC the empty id list must still be sent.
    /// </summary>
    public (string Method, IReadOnlyList<long>? Ids, JsonObject Arguments) AccessCheck(string operation) => Is18OrLater
        ? ("has_access", [], new JsonObject { ["operation"] = operation })
        : ("check_access_rights", null, new JsonObject { ["operation"] = operation, ["raise_exception"] = false });
}
