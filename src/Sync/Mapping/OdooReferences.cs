using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Portal.Sync.Odoo;

namespace Portal.Sync.Mapping;

/// <summary>
/// Odoo records that rarely change — countries, states, carriers' delivery products, taxes' price-included
/// flags, companies' rounding — asked once per Odoo connection and kept as long as its client, so an order
/// pays no round trip for them.
/// </summary>
public sealed class OdooReferences
{
    private readonly ConditionalWeakTable<OdooClient, ConcurrentDictionary<string, Task<long?>>> cache = new();

    public Task<long?> CountryAsync(OdooClient odoo, string code, CancellationToken cancellationToken) =>
        Cached(odoo, $"country:{code.ToUpperInvariant()}", async () =>
            FirstId(await odoo.SearchReadAsync("res.country", OdooDomain.Where("code", "=", code.ToUpperInvariant()), ["id"], 1, cancellationToken: cancellationToken)));

    public Task<long?> StateAsync(OdooClient odoo, long countryId, string code, CancellationToken cancellationToken) =>
        Cached(odoo, $"state:{countryId}:{code.ToUpperInvariant()}", async () =>
            FirstId(await odoo.SearchReadAsync("res.country.state",
                OdooDomain.Where("country_id", "=", countryId).And(OdooDomain.Where("code", "=ilike", code)), ["id"], 1, cancellationToken: cancellationToken)));

    /// <summary>The product a delivery carrier invoices shipping with.</summary>
    public Task<long?> CarrierProductAsync(OdooClient odoo, long carrierId, CancellationToken cancellationToken) =>
        Cached(odoo, $"carrier:{carrierId}", async () =>
            (await odoo.ReadAsync("delivery.carrier", [carrierId], ["product_id"], cancellationToken)).FirstOrDefault()?.ManyToOneId("product_id"));

    /// <summary>1 when the company rounds tax per line as stores do, 0 when globally; null when unknown.</summary>
    public Task<long?> RoundsPerLineAsync(OdooClient odoo, long? companyId, CancellationToken cancellationToken) =>
        Cached(odoo, $"rounding:{companyId}", async () =>
        {
            var domain = companyId is { } id ? OdooDomain.Where("id", "=", id) : OdooDomain.All;
            var company = (await odoo.SearchReadAsync("res.company", domain, ["tax_calculation_rounding_method"], 1, cancellationToken: cancellationToken)).FirstOrDefault();
            return company?.Text("tax_calculation_rounding_method") switch
            {
                "round_per_line" => 1L,
                "round_globally" => 0L,
                _ => (long?)null,
            };
        });

    private Task<long?> Cached(OdooClient odoo, string key, Func<Task<long?>> load)
    {
        var entries = cache.GetOrCreateValue(odoo);
        var entry = entries.GetOrAdd(key, _ => load());

        // A failed lookup is asked again next time rather than remembered.
        if (entry.IsFaulted || entry.IsCanceled)
        {
            entries.TryRemove(new KeyValuePair<string, Task<long?>>(key, entry));
        }

        return entry;
    }

    private static long? FirstId(JsonArray records) => records.FirstOrDefault()?["id"]?.GetValue<long>();
}
