using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>
/// POST /jsonrpc with the services "common" (version, authenticate) and "object" (execute_kw), Odoo 16–19.
/// Errors arrive as HTTP 200 with an "error" object.
/// </summary>
internal sealed class JsonRpcTransport : IOdooTransport
{
    // Sent positionally, not by name: on Odoo 17 models override these methods with other parameter names
    // (res.partner.create with vals_list by name raises IndexError; sale.order.write with vals raises TypeError).
    private static readonly Dictionary<string, string> PositionalArgument = new()
    {
        ["create"] = "vals_list",
        ["write"] = "vals",
    };

    private readonly HttpClient http;
    private readonly OdooEndpoint endpoint;
    private readonly OnceUntilFailure<long> authentication;
    private long requestId;

    public JsonRpcTransport(HttpClient http, OdooEndpoint endpoint)
    {
        this.http = http;
        this.endpoint = endpoint;
        authentication = new OnceUntilFailure<long>(LoginAsync);
    }

    public Uri Url => new(endpoint.Url, "/jsonrpc");

    public async Task<JsonNode?> ExecuteAsync(OdooCall call, JsonObject context, CancellationToken cancellationToken)
    {
        var userId = await AuthenticateAsync(cancellationToken);
        var keywordArguments = (JsonObject)call.Arguments.DeepClone();
        keywordArguments["context"] = context.DeepClone();
        var positional = call.Ids is { } ids ? new JsonArray(new JsonArray(ids.Select(id => JsonValue.Create(id)).ToArray<JsonNode?>())) : [];
        if (PositionalArgument.TryGetValue(call.Method, out var name) && keywordArguments.Remove(name, out var value))
        {
            positional.Add(value);
        }

        return await CallServiceAsync(
            "object", "execute_kw",
            [endpoint.Database, userId, endpoint.Secret, call.Model, call.Method, positional, keywordArguments],
            call, cancellationToken);
    }

    /// <summary>The user id for the endpoint's login, asked once per transport (again only after a failure).</summary>
    public Task<long> AuthenticateAsync(CancellationToken cancellationToken) => authentication.GetAsync(cancellationToken);

    private async Task<long> LoginAsync(CancellationToken cancellationToken)
    {
        var answer = await CallServiceAsync("common", "authenticate", [endpoint.Database, endpoint.Login, endpoint.Secret, new JsonObject()], null, cancellationToken);
        if (answer is null || answer.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            throw new OdooException(OdooErrorKind.Authentication,
                $"Odoo refused the login '{endpoint.Login}' with this API key or password on database '{endpoint.Database}'. Check both, and create a new API key if it was revoked or expired.",
                "odoo.exceptions.AccessDenied");
        }

        return answer.GetValue<long>();
    }

    public async Task<JsonNode?> CallServiceAsync(string service, string method, JsonArray arguments, OdooCall? call, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["id"] = Interlocked.Increment(ref requestId),
            ["params"] = new JsonObject { ["service"] = service, ["method"] = method, ["args"] = arguments },
        };
        var (status, answer) = await OdooHttp.PostAsync(http, Url, body, call ?? new OdooCall(service, method, null, []), null, cancellationToken);
        if (status != System.Net.HttpStatusCode.OK)
        {
            throw OdooErrorClassifier.FromHttpStatus(status, endpoint.Url.ToString(), call?.Model, call?.Method);
        }

        if (answer?["error"] is JsonObject error)
        {
            var data = error["data"];
            throw OdooErrorClassifier.FromOdoo(
                data?["name"]?.GetValue<string>(),
                data?["message"]?.GetValue<string>() ?? error["message"]?.GetValue<string>(),
                data?["debug"]?.GetValue<string>(),
                null,
                call?.Model,
                call?.Method);
        }

        if (answer is not JsonObject envelope || envelope["jsonrpc"] is null)
        {
            throw OdooErrorClassifier.NotOdoo(endpoint.Url.ToString(), "a JSON answer that is not JSON-RPC");
        }

        return envelope["result"];
    }
}
