using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Portal.Sync.Tests.Flows;

/// <summary>
/// The model calls the portal's Odoo client sent, seen on the wire (JSON-RPC's execute_kw arguments, JSON-2's
/// path), so round trips are counted the same way against the fake and a real Odoo; and answers to lose on a
/// real Odoo, where the fake's fault injection is not available: the call is carried out, then the reply is dropped.
/// </summary>
internal sealed class OdooTraffic
{
    private readonly ConcurrentQueue<(string Model, string Method)> calls = new();
    private readonly List<(string Model, string Method, int Times)> losses = [];

    public IReadOnlyList<(string Model, string Method)> Calls => calls.ToArray();

    public void Clear() => calls.Clear();

    public int CountOf(string model, string method) => calls.Count(c => c.Model == model && c.Method == method);

    public void LoseAnswers(string model, string method, int times = 1)
    {
        lock (losses)
        {
            losses.Add((model, method, times));
        }
    }

    public DelegatingHandler Handler() => new Recorder(this);

    private bool TakeLoss(string model, string method)
    {
        lock (losses)
        {
            var index = losses.FindIndex(l => l.Model == model && l.Method == method && l.Times > 0);
            if (index < 0)
            {
                return false;
            }

            losses[index] = losses[index] with { Times = losses[index].Times - 1 };
            return true;
        }
    }

    private static async Task<(string Model, string Method)?> ModelCallAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/json/2/", StringComparison.Ordinal))
        {
            var parts = path["/json/2/".Length..].Split('/');
            return (parts[0], parts[1]);
        }

        if (path != "/jsonrpc" || request.Content is null)
        {
            return null;
        }

        var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var parameters = body?["params"];
        if (parameters?["service"]?.GetValue<string>() != "object")
        {
            return null;
        }

        var arguments = parameters["args"]!.AsArray();
        return (arguments[3]!.GetValue<string>(), arguments[4]!.GetValue<string>());
    }

    private sealed class Recorder(OdooTraffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = await ModelCallAsync(request, cancellationToken);
            if (call is { } seen)
            {
                traffic.calls.Enqueue(seen);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (call is { } done && traffic.TakeLoss(done.Model, done.Method))
            {
                response.Dispose();
                throw new HttpRequestException($"The answer of {done.Model}.{done.Method} was lost (test).");
            }

            return response;
        }
    }
}
