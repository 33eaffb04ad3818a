using System.Collections.Concurrent;

namespace Portal.Bench;

/// <summary>
/// The requests an Odoo client sent, by what they asked: "sale.order.create" for a model's method (execute_kw
/// or JSON-2), "common.version" and the like for the handshakes, which are not round trips of the work.
/// </summary>
internal sealed class OdooCalls
{
    private const string HandshakePrefix = "common.";

    private readonly ConcurrentDictionary<string, int> counts = new();

    public void Add(string call) => counts.AddOrUpdate(call, 1, (_, count) => count + 1);

    /// <summary>The model calls since the start, by name.</summary>
    public IReadOnlyDictionary<string, int> ModelCalls() =>
        counts.Where(c => !c.Key.StartsWith(HandshakePrefix, StringComparison.Ordinal)).ToDictionary(c => c.Key, c => c.Value);

    /// <summary>The model calls since <paramref name="before"/> was taken, by name.</summary>
    public IReadOnlyDictionary<string, int> ModelCallsSince(IReadOnlyDictionary<string, int> before) =>
        ModelCalls().Select(c => (c.Key, Count: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.Count > 0).ToDictionary(c => c.Key, c => c.Count);

    /// <summary>An extra handler of the "odoo" HTTP client, one per pipeline the client factory builds.</summary>
    public DelegatingHandler Counter() => new OdooCallCounter(this);
}
