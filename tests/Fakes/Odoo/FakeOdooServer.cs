using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Fakes.Odoo;

/// <summary>
/// A fake Odoo 16–19 on real HTTP at 127.0.0.1: JSON-RPC (/jsonrpc) always, JSON-2 (/json/2/...) from 19,
/// errors as Odoo sends them (HTTP 200 with an error object on JSON-RPC; status codes on JSON-2).
/// Faults can be injected: maintenance (503 pages) and answers lost after the work was done. Tests read the
/// records through <see cref="Records"/> and count round trips through <see cref="Calls"/>.
/// </summary>
public sealed class FakeOdooServer : IAsyncDisposable
{
    public const string DatabaseName = "fake";

    private readonly ConcurrentQueue<FakeOdooCall> calls = new();
    private LoopbackServer host = default!;
    private readonly List<FakeOdooLostAnswer> lostAnswers = [];
    private int maintenanceRequests;

    private FakeOdooServer(int major, FakeOdooService service, IReadOnlyList<FakeOdooUser> users)
    {
        Major = major;
        Service = service;
        Users = users;
    }

    public int Major { get; }

    public Uri Url => host.Url;

    public FakeOdooService Service { get; }

    /// <summary>The records as Odoo holds them, read the way assertions want them.</summary>
    public FakeOdooRecords Records => new(Service);

    public IReadOnlyList<FakeOdooUser> Users { get; }

    public FakeOdooUser Admin => Users[0];

    public FakeOdooUser Viewer => Users[1];

    /// <summary>Every call received, in order: the round trips a client made.</summary>
    public IReadOnlyList<FakeOdooCall> Calls => calls.ToArray();

    public string ServerVersion => Major switch
    {
        15 => "15.0-20221101",
        16 => "16.0-20231201",
        17 => "17.0-20240709",
        18 => "18.0-20250128",
        _ => $"{Major}.0-20251001",
    };

    /// <param name="port">0 for a free port.</param>
    public static async Task<FakeOdooServer> StartAsync(int major = 17, TimeProvider? time = null, int port = 0)
    {
        var service = new FakeOdooService(new FakeOdooDatabase(major, time), time);
        var server = new FakeOdooServer(major, service, FakeOdooSeed.Populate(service));
        server.host = await LoopbackServer.StartAsync(app =>
        {
            app.Use(server.InjectFaultsAsync);
            app.MapPost("/jsonrpc", server.JsonRpcAsync);
            app.MapPost("/web/webclient/version_info", server.VersionInfoAsync);
            app.MapPost("/json/2/{model}/{method}", server.Json2Async);
        }, port);
        return server;
    }

    /// <summary>The context the last model call carried (lang, tz, allowed_company_ids).</summary>
    public JsonObject? LastContext { get; private set; }

    public void ClearCalls() => calls.Clear();

    /// <summary>The next <paramref name="requests"/> requests get the 503 page a proxy shows during maintenance.</summary>
    public void StartMaintenance(int requests) => Interlocked.Exchange(ref maintenanceRequests, requests);

    /// <summary>The next call of <paramref name="method"/> is carried out, but its answer is lost (504 from the proxy).</summary>
    public void LoseAnswerOfNext(string method) => LoseAnswers(null, method);

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="model"/>.<paramref name="method"/> (any model when
    /// null) are carried out and committed, then their answers are lost the way <paramref name="fault"/> says: what
    /// a client sees when Odoo or the network fails between the commit and the reply.
    /// </summary>
    public void LoseAnswers(string? model, string method, int times = 1, FakeOdooFault fault = FakeOdooFault.GatewayTimeout)
    {
        lock (lostAnswers)
        {
            lostAnswers.Add(new FakeOdooLostAnswer(model, method, times, fault));
        }
    }

    public int CountOf(string model, string method) => calls.Count(c => c.Model == model && c.Method == method);

    /// <summary>The model calls received (the version and login calls of "common" left out).</summary>
    public int ModelCallCount => calls.Count(c => c.Model != "common");

    /// <summary>Sets the company's tax rounding as Settings → Accounting does; documents computed afterwards follow it.</summary>
    public void UseTaxRounding(string method) =>
        Service.WriteRecord("res.company", 1, new JsonObject { ["tax_calculation_rounding_method"] = method });

    private async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        if (Interlocked.Decrement(ref maintenanceRequests) >= 0)
        {
            await HtmlAsync(context, HttpStatusCode.ServiceUnavailable, "<html><body><h1>503 Service Unavailable</h1>Odoo is under maintenance.</body></html>");
            return;
        }

        Interlocked.Exchange(ref maintenanceRequests, 0);
        await next(context);
    }

    private async Task VersionInfoAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        await JsonAsync(context, HttpStatusCode.OK, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = null, ["result"] = VersionInfo() });
    }

    private async Task JsonRpcAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var id = body?["id"]?.DeepClone();
        var parameters = body?["params"];
        var service = parameters?["service"]?.GetValue<string>();
        var method = parameters?["method"]?.GetValue<string>() ?? "";
        var arguments = parameters?["args"]?.AsArray() ?? [];
        try
        {
            var result = Unexpected(() => service switch
            {
                "common" => Common(method, arguments),
                "object" when method == "execute_kw" => ExecuteKw(arguments),
                _ => throw new FakeOdooException("builtins.KeyError", $"'{service}'", HttpStatusCode.InternalServerError),
            });
            if (TakeLostAnswer(service == "object" ? arguments[3]?.GetValue<string>() : service, service == "object" ? arguments[4]?.GetValue<string>() : method) is { } fault)
            {
                await LoseAsync(context, fault);
                return;
            }

            await JsonAsync(context, HttpStatusCode.OK, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
        }
        catch (FakeOdooException error)
        {
            await JsonAsync(context, HttpStatusCode.OK, new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = id,
                ["error"] = new JsonObject
                {
                    ["code"] = Major >= 19 ? 0 : 200,
                    ["message"] = "Odoo Server Error",
                    ["data"] = new JsonObject
                    {
                        ["name"] = error.Name,
                        ["debug"] = error.Debug,
                        ["message"] = error.Message,
                        ["arguments"] = new JsonArray(error.Message),
                        ["context"] = new JsonObject(),
                    },
                },
            });
        }
    }

    private JsonNode? Common(string method, JsonArray arguments)
    {
        calls.Enqueue(new FakeOdooCall("jsonrpc", "common", method));
        switch (method)
        {
            case "version":
                return VersionInfo();
            case "login" or "authenticate":
                CheckDatabase(arguments[0]?.GetValue<string>());
                var login = arguments[1]?.GetValue<string>();
                var secret = arguments[2]?.GetValue<string>();
                return Users.FirstOrDefault(u => u.Login == login && (u.Password == secret || u.ApiKey == secret)) is { } user
                    ? JsonValue.Create(user.Uid)
                    : JsonValue.Create(false);
            default:
                throw new FakeOdooException("builtins.AttributeError", $"module 'odoo.service.common' has no attribute 'exp_{method}'", HttpStatusCode.InternalServerError);
        }
    }

    private JsonNode? ExecuteKw(JsonArray arguments)
    {
        CheckDatabase(arguments[0]?.GetValue<string>());
        var uid = arguments[1]?.GetValue<long>();
        var secret = arguments[2]?.GetValue<string>();
        var user = Users.FirstOrDefault(u => u.Uid == uid && (u.Password == secret || u.ApiKey == secret)) ?? throw FakeOdooException.AccessDenied();
        var model = arguments[3]!.GetValue<string>();
        var method = arguments[4]!.GetValue<string>();
        calls.Enqueue(new FakeOdooCall("jsonrpc", model, method));
        var positional = arguments.Count > 5 ? arguments[5]?.AsArray().Select(a => a?.DeepClone()).ToList() ?? [] : [];
        var named = arguments.Count > 6 ? (JsonObject?)arguments[6]?.DeepClone() ?? [] : [];
        LastContext = named["context"]?.DeepClone() as JsonObject;

        // As observed on Odoo 17: these overrides take their values positionally, under other names.
        if (method == "create" && named.ContainsKey("vals_list"))
        {
            throw new FakeOdooException("builtins.IndexError", "tuple index out of range", HttpStatusCode.InternalServerError);
        }

        if (method == "write" && named.ContainsKey("vals"))
        {
            throw FakeOdooException.TypeError("BaseModel.write() got an unexpected keyword argument 'vals'");
        }

        IReadOnlyList<long>? ids = null;
        if (FakeOdooService.TakesIds(method) && positional.Count == 0)
        {
            // execute_kw takes a record method's ids from the first positional argument (observed on 19).
            throw new FakeOdooException("builtins.IndexError", "list index out of range", HttpStatusCode.InternalServerError);
        }

        if (FakeOdooService.TakesIds(method))
        {
            ids = positional[0]!.AsArray().Select(i => i!.GetValue<long>()).ToList();
            positional.RemoveAt(0);
        }

        if (positional.Count > 0 && FakeOdooService.FirstParameter(method) is { } first)
        {
            named[first] = positional[0];
        }

        return Service.Execute(user, model, method, ids, named);
    }

    private async Task Json2Async(HttpContext context, string model, string method)
    {
        if (Major < 19)
        {
            await HtmlAsync(context, HttpStatusCode.NotFound, "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>");
            return;
        }

        if (context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await HtmlAsync(context, HttpStatusCode.UnsupportedMediaType, "<!doctype html><title>415 Unsupported Media Type</title>");
            return;
        }

        calls.Enqueue(new FakeOdooCall("json2", model, method));
        try
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var key = authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..] : null;
            var user = Users.FirstOrDefault(u => u.ApiKey == key);
            if (user is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                throw new FakeOdooException("werkzeug.exceptions.Unauthorized", "401 Unauthorized: Invalid apikey", HttpStatusCode.Unauthorized);
            }

            var database = context.Request.Headers["X-Odoo-Database"].ToString();
            if (database.Length > 0 && database != DatabaseName)
            {
                await HtmlAsync(context, HttpStatusCode.NotFound, "<!doctype html><title>404 Not Found</title><p>No database is selected or the selected database does not exist.</p>");
                return;
            }

            JsonObject body;
            try
            {
                body = (JsonObject?)await JsonNode.ParseAsync(context.Request.Body) ?? [];
            }
            catch (JsonException)
            {
                throw new FakeOdooException("werkzeug.exceptions.BadRequest", "400 Bad Request: invalid JSON", HttpStatusCode.BadRequest);
            }

            LastContext = body["context"]?.DeepClone() as JsonObject;
            var ids = body.Remove("ids", out var idList) ? idList!.AsArray().Select(i => i!.GetValue<long>()).ToList() : null;
            var result = Unexpected(() => Service.Execute(user, model, method, ids, body));
            if (TakeLostAnswer(model, method) is { } fault)
            {
                await LoseAsync(context, fault);
                return;
            }

            await JsonAsync(context, HttpStatusCode.OK, result);
        }
        catch (FakeOdooException error)
        {
            await JsonAsync(context, error.Status, new JsonObject
            {
                ["name"] = error.Json2Name,
                ["message"] = error.Json2Message,
                ["arguments"] = new JsonArray(error.Json2Message),
                ["context"] = new JsonObject(),
                ["debug"] = error.Debug,
            });
        }
    }

    // Odoo reports its own internal failures (KeyError, IndexError, ...) in its error envelope, not as a bare 500.
    private static JsonNode? Unexpected(Func<JsonNode?> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is not FakeOdooException)
        {
            throw new FakeOdooException($"builtins.{ex.GetType().Name}", ex.Message, HttpStatusCode.InternalServerError);
        }
    }

    private FakeOdooFault? TakeLostAnswer(string? model, string? method)
    {
        lock (lostAnswers)
        {
            var index = lostAnswers.FindIndex(l => l.Method == method && (l.Model is null || l.Model == model));
            if (index < 0)
            {
                return null;
            }

            var lost = lostAnswers[index];
            if (lost.Times <= 1)
            {
                lostAnswers.RemoveAt(index);
            }
            else
            {
                lostAnswers[index] = lost with { Times = lost.Times - 1 };
            }

            return lost.Fault;
        }
    }

    private static async Task LoseAsync(HttpContext context, FakeOdooFault fault)
    {
        switch (fault)
        {
            case FakeOdooFault.ConnectionReset:
                context.Abort();
                break;
            case FakeOdooFault.ServiceUnavailable:
                await HtmlAsync(context, HttpStatusCode.ServiceUnavailable, "<html><body><h1>503 Service Unavailable</h1>Odoo is under maintenance.</body></html>");
                break;
            default:
                await HtmlAsync(context, HttpStatusCode.GatewayTimeout, "<html><body><h1>504 Gateway Time-out</h1></body></html>");
                break;
        }
    }

    private static void CheckDatabase(string? database)
    {
        if (database != DatabaseName)
        {
            throw new FakeOdooException("psycopg2.OperationalError",
                $"connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"{database}\" does not exist\n", HttpStatusCode.InternalServerError);
        }
    }

    private JsonObject VersionInfo() => new()
    {
        ["server_version"] = ServerVersion,
        ["server_version_info"] = new JsonArray(Major, 0, 0, "final", 0, ""),
        ["server_serie"] = $"{Major}.0",
        ["protocol_version"] = 1,
    };

    private static async Task JsonAsync(HttpContext context, HttpStatusCode status, JsonNode? body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body?.ToJsonString() ?? "null");
    }

    private static async Task HtmlAsync(HttpContext context, HttpStatusCode status, string html)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
