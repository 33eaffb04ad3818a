using System.Text.Json.Nodes;

namespace Portal.Fakes.WooCommerce;

/// <summary>A WP_Error as the REST server writes it: <c>{"code", "message", "data": {"status", ...}}</c>.</summary>
public sealed class FakeWooCommerceException(string code, string message, int status, JsonObject? data = null) : Exception(message)
{
    private readonly JsonObject? data = data;

    public string Code { get; } = code;

    public int Status { get; } = status;

    public JsonObject ToJson()
    {
        var details = (JsonObject?)data?.DeepClone() ?? [];
        details["status"] = Status;
        return new JsonObject { ["code"] = Code, ["message"] = Message, ["data"] = details };
    }

    /// <summary>WordPress's answer to a parameter its schema refuses.</summary>
    public static FakeWooCommerceException InvalidParameter(string name, string problem) =>
        new("rest_invalid_param", $"Invalid parameter(s): {name}", 400, new JsonObject { ["params"] = new JsonObject { [name] = problem } });

    /// <summary>A resource id that names nothing: <c>woocommerce_rest_shop_order_invalid_id</c> and the like.</summary>
    public static FakeWooCommerceException InvalidId(string resource, int status) =>
        new($"woocommerce_rest_{resource}_invalid_id", "Invalid ID.", status);
}
