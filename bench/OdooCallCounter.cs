using System.Text.Json.Nodes;

namespace Portal.Bench;

/// <summary>
/// Counts each request of the Odoo client into <see cref="OdooCalls"/>, retries included: the model and method
/// of a JSON-2 request from its path, of a JSON-RPC one from its body's service, method and arguments.
/// </summary>
internal sealed class OdooCallCounter(OdooCalls calls) : DelegatingHandler
{
    private const string Json2Path = "/json/2/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        calls.Add(await NameAsync(request, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<string> NameAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (path.StartsWith(Json2Path, StringComparison.Ordinal))
        {
            return path[Json2Path.Length..].Replace('/', '.');
        }

        if (path != "/jsonrpc" || request.Content is null)
        {
            return path;
        }

        // Buffers the body, which the transport then sends as read.
        var parameters = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))?["params"];
        var service = parameters?["service"]?.GetValue<string>();
        var method = parameters?["method"]?.GetValue<string>();
        return service == "object" && method == "execute_kw" && parameters?["args"] is JsonArray { Count: >= 5 } arguments
            ? $"{arguments[3]!.GetValue<string>()}.{arguments[4]!.GetValue<string>()}"
            : $"{service}.{method}";
    }
}
