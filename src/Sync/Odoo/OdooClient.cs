using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>
/// Typed calls to one Odoo database as one user, over the transport the server version calls for. Each
/// operation is one round trip; the version, the user id and fields_get answers are asked once.
/// </summary>
public sealed class OdooClient
{
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, JsonObject> fieldsByModel = new();
    private readonly OnceUntilFailure<Connection> connection;

    internal OdooClient(OdooEndpoint endpoint, HttpClient http)
    {
        Endpoint = endpoint;
        this.http = http;
        connection = new OnceUntilFailure<Connection>(ConnectOnceAsync);
    }

    public OdooEndpoint Endpoint { get; }

    /// <summary>The server's version and what differs in it; refuses servers older than Odoo 16.</summary>
    public async Task<OdooVersionProfile> GetProfileAsync(CancellationToken cancellationToken = default) =>
        (await ConnectAsync(cancellationToken)).Profile;

    public async Task<OdooTransportKind> GetTransportAsync(CancellationToken cancellationToken = default) =>
        (await ConnectAsync(cancellationToken)).Transport is Json2Transport ? OdooTransportKind.Json2 : OdooTransportKind.JsonRpc;

    public async Task<JsonArray> SearchReadAsync(
        string model, OdooDomain domain, IEnumerable<string> fields, int? limit = null, int offset = 0, string? order = null, CancellationToken cancellationToken = default)
    {
        var arguments = new JsonObject { ["domain"] = domain.ToJson(), ["fields"] = Strings(fields), ["offset"] = offset };
        if (limit is { } max)
        {
            arguments["limit"] = max;
        }

        if (order is not null)
        {
            arguments["order"] = order;
        }

        return (await CallAsync(model, "search_read", null, arguments, cancellationToken: cancellationToken))?.AsArray() ?? [];
    }

    public async Task<IReadOnlyList<long>> SearchAsync(string model, OdooDomain domain, int? limit = null, string? order = null, CancellationToken cancellationToken = default)
    {
        var arguments = new JsonObject { ["domain"] = domain.ToJson() };
        if (limit is { } max)
        {
            arguments["limit"] = max;
        }

        if (order is not null)
        {
            arguments["order"] = order;
        }

        return LongList(await CallAsync(model, "search", null, arguments, cancellationToken: cancellationToken));
    }

    public async Task<JsonArray> ReadAsync(string model, IReadOnlyList<long> ids, IEnumerable<string> fields, CancellationToken cancellationToken = default) =>
        (await CallAsync(model, "read", ids, new JsonObject { ["fields"] = Strings(fields) }, cancellationToken: cancellationToken))?.AsArray() ?? [];

    /// <summary>
    /// Creates several records in one call; returns their ids in the same order. <paramref name="context"/> adds
    /// to the call's context, as wizards need (active_model, active_ids).
    /// </summary>
    public async Task<IReadOnlyList<long>> CreateAsync(string model, IReadOnlyList<JsonObject> values, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync(model, "create", null, new JsonObject { ["vals_list"] = new JsonArray(values.Select(v => v.DeepClone()).ToArray()) }, context, cancellationToken);
        return answer is JsonArray ? LongList(answer) : [answer!.GetValue<long>()];
    }

    /// <summary>
    /// Creates a record unless one matching its natural key exists. A create whose answer was lost is not
    /// sent again blindly: the natural key is looked up first, so a retry never makes a duplicate.
    /// </summary>
    public async Task<long> CreateOnceAsync(string model, OdooDomain naturalKey, JsonObject values, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(model, naturalKey, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return (await CreateAsync(model, [values], cancellationToken: cancellationToken))[0];
        }
        catch (OdooException ex) when (ex.Kind == OdooErrorKind.Transient)
        {
            // The create may have happened before its answer was lost.
            if (await FindAsync(model, naturalKey, cancellationToken) is { } created)
            {
                return created;
            }

            return (await CreateAsync(model, [values], cancellationToken: cancellationToken))[0];
        }
    }

    private async Task<long?> FindAsync(string model, OdooDomain naturalKey, CancellationToken cancellationToken)
    {
        var found = await SearchAsync(model, naturalKey, 1, cancellationToken: cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public Task WriteAsync(string model, IReadOnlyList<long> ids, JsonObject values, CancellationToken cancellationToken = default) =>
        CallAsync(model, "write", ids, new JsonObject { ["vals"] = values.DeepClone() }, cancellationToken: cancellationToken);

    public Task UnlinkAsync(string model, IReadOnlyList<long> ids, CancellationToken cancellationToken = default) =>
        CallAsync(model, "unlink", ids, [], cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<(long Id, string Name)>> NameSearchAsync(
        string model, string name, OdooDomain? domain = null, int limit = 8, CancellationToken cancellationToken = default)
    {
        var versionProfile = await GetProfileAsync(cancellationToken);
        var arguments = new JsonObject { ["name"] = name, ["operator"] = "ilike", ["limit"] = limit };
        if (domain is not null)
        {
            arguments[versionProfile.NameSearchDomainArgument] = domain.ToJson();
        }

        var answer = await CallAsync(model, "name_search", null, arguments, cancellationToken: cancellationToken);
        return answer?.AsArray().Select(pair => (pair![0]!.GetValue<long>(), pair[1]!.GetValue<string>())).ToList() ?? [];
    }

    /// <summary>Field definitions of a model, asked once per client; used to adapt to what a database has.</summary>
    public async Task<JsonObject> FieldsGetAsync(string model, CancellationToken cancellationToken = default)
    {
        if (fieldsByModel.TryGetValue(model, out var known))
        {
            return known;
        }

        var answer = await CallAsync(model, "fields_get", null, new JsonObject { ["attributes"] = new JsonArray("type", "string", "relation", "required") }, cancellationToken: cancellationToken);
        return fieldsByModel.GetOrAdd(model, answer?.AsObject() ?? []);
    }

    /// <summary>Any model method: action_confirm, button_validate, action_post, wizards' actions (with their context).</summary>
    public async Task<JsonNode?> CallAsync(
        string model, string method, IReadOnlyList<long>? ids, JsonObject? arguments = null, JsonObject? context = null, CancellationToken cancellationToken = default)
    {
        var connected = await ConnectAsync(cancellationToken);
        return await connected.Transport.ExecuteAsync(new OdooCall(model, method, ids, arguments ?? []), Context(context), cancellationToken);
    }

    /// <summary>The uid of the endpoint's login (JSON-RPC), which proves the credentials.</summary>
    public async Task<long> AuthenticateAsync(CancellationToken cancellationToken = default) =>
        await (await ConnectAsync(cancellationToken)).JsonRpc.AuthenticateAsync(cancellationToken);

    private JsonObject Context(JsonObject? extra)
    {
        var context = new JsonObject { ["lang"] = Endpoint.Language, ["tz"] = Endpoint.TimeZone };
        if (Endpoint.CompanyId is { } company)
        {
            context["allowed_company_ids"] = new JsonArray(company);
        }

        foreach (var (key, value) in extra ?? [])
        {
            context[key] = value?.DeepClone();
        }

        return context;
    }

    private Task<Connection> ConnectAsync(CancellationToken cancellationToken) => connection.GetAsync(cancellationToken);

    private async Task<Connection> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var jsonRpc = new JsonRpcTransport(http, Endpoint);
        var version = await DetectVersionAsync(jsonRpc, cancellationToken);
        if (version.Major < OdooVersion.OldestSupported)
        {
            throw new OdooException(OdooErrorKind.Protocol,
                $"This Odoo is version {version.ServerVersion}; the connector needs Odoo {OdooVersion.OldestSupported} or later.");
        }

        var profile = new OdooVersionProfile(version);
        var chosen = Endpoint.Transport == OdooTransportKind.Auto ? profile.PreferredTransport : Endpoint.Transport;
        return new Connection(jsonRpc, chosen == OdooTransportKind.Json2 ? new Json2Transport(http, Endpoint) : jsonRpc, profile);
    }

    private async Task<OdooVersion> DetectVersionAsync(JsonRpcTransport jsonRpc, CancellationToken cancellationToken)
    {
        var answer = await jsonRpc.CallServiceAsync("common", "version", [], null, cancellationToken);
        try
        {
            return OdooVersion.Parse(answer);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw OdooErrorClassifier.NotOdoo(Endpoint.Url.ToString(), "common.version gave no server version");
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>());

    private static List<long> LongList(JsonNode? answer) => answer?.AsArray().Select(id => id!.GetValue<long>()).ToList() ?? [];

    private sealed record Connection(JsonRpcTransport JsonRpc, IOdooTransport Transport, OdooVersionProfile Profile);
}
