using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;
using Portal.Sync.Webhooks;

namespace Portal.Bench;

/// <summary>
/// The webhook accept path through real HTTP: the portal on Kestrel at 127.0.0.1 over a fresh SQLite file,
/// signed Shopify order webhooks from concurrent senders on the same machine. Measures sustained accepts
/// a second and the senders' p99 latency, then checks none was lost: every webhook has its inbox row and
/// its job. The job worker is kept idle, so only accepting is measured. The process's CPU time per webhook
/// (client and server together) is reported too: on a shared machine it varies less than throughput does.
/// <para>
/// Sustained means after warm-up: the runtime recompiles hot methods in tiers for thousands of requests after
/// start, so webhooks are sent in rounds until two rounds in a row leave the JIT nearly idle, and only then measured.
/// </para>
/// </summary>
internal static class WebhooksScenario
{
    private const int Webhooks = 5000;
    private const int WarmupRound = 1000;
    private const int MaxWarmupRounds = 40;

    // A warm-up round that compiles fewer methods has reached the code the measurement will run.
    private const int SettledMethodsPerRound = 50;
    private const int Senders = 16;
    private const double ThroughputTarget = 1000;
    private const double P99TargetMs = 50;
    private const string Secret = "bench-webhook-secret";

    public static async Task<int> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("portal-bench-webhooks-").FullName;
        try
        {
            await using var app = await BenchPortal.StartAsync(directory, new Dictionary<string, string?> { ["Jobs:PollInterval"] = "01:00:00" });
            var (tenant, store) = await AddStoreAsync(app.Services);
            var address = BenchPortal.Address(app);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = address };
            var path = $"/webhooks/shopify/{store}";

            var warmup = await WarmUpAsync(client, path);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var latencies = await SendAllAsync(client, path, warmup, Webhooks);
            var perSecond = Webhooks / watch.Elapsed.TotalSeconds;
            var cpuPerWebhook = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Webhooks;
            latencies.Sort();
            var p50 = latencies[latencies.Count / 2];
            var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];

            var (kept, queued) = await CountAsync(app.Services, tenant);
            var lost = warmup + Webhooks - Math.Min(kept, queued);
            var met = perSecond >= ThroughputTarget && p99 <= P99TargetMs && lost == 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT webhooks webhooks={Webhooks} warmup={warmup} senders={Senders} accepted_per_s={perSecond:0} cpu_ms_per_webhook={cpuPerWebhook:0.00} p50_ms={p50:0.0} p99_ms={p99:0.0} kept={kept} queued={queued} lost={lost} targets={(met ? "met" : "missed")}"));
            return met ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(Guid Tenant, Guid Store)> AddStoreAsync(IServiceProvider services)
    {
        var tenant = new Tenant { Name = "Bench", CreatedAt = DateTimeOffset.UtcNow };
        await using (var db = services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance))
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }

        await using var tenantDb = services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenant.Id));
        var store = new Store
        {
            Platform = StorePlatform.Shopify,
            Name = "bench.myshopify.com",
            Address = "bench.myshopify.com",
            ProtectedWebhookSecret = services.GetRequiredService<SecretProtector>().Protect(Secret),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        tenantDb.Stores.Add(store);
        await tenantDb.SaveChangesAsync();
        return (tenant.Id, store.Id);
    }

    /// <summary>Sends rounds of webhooks until two rounds in a row leave the JIT nearly idle; returns how many were sent.</summary>
    private static async Task<int> WarmUpAsync(HttpClient client, string path)
    {
        var sent = 0;
        var quietRounds = 0;
        for (var round = 0; round < MaxWarmupRounds && quietRounds < 2; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await SendAllAsync(client, path, sent, WarmupRound);
            sent += WarmupRound;

            // One quiet round can be a pause between the runtime's recompilations.
            quietRounds = JitInfo.GetCompiledMethodCount() - compiled < SettledMethodsPerRound ? quietRounds + 1 : 0;
        }

        return sent;
    }

    private static async Task<List<double>> SendAllAsync(HttpClient client, string path, int first, int count)
    {
        var latencies = new List<double>(count);
        var next = first - 1;
        var last = first + count - 1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) <= last)
            {
                var elapsed = await SendAsync(client, path, number);
                lock (latencies)
                {
                    latencies.Add(elapsed);
                }
            }
        }));
        return latencies;
    }

    private static async Task<double> SendAsync(HttpClient client, string path, int number)
    {
        // A realistic order body: a few kilobytes, as Shopify's orders/create sends.
        var body = Encoding.UTF8.GetBytes(
            $$"""{"id":{{820982911946154508L + number}},"name":"#{{1000 + number}}","updated_at":"2026-11-24T10:00:00+01:00","email":"buyer{{number}}@example.com","currency":"EUR","total_price":"107.00","line_items":[{{string.Join(',', Enumerable.Range(0, 8).Select(i => $$"""{"id":{{i}},"sku":"SKU-{{i}}","quantity":1,"price":"12.50","tax_lines":[{"title":"FR TVA 20%","rate":0.2,"price":"2.08"}]}"""))}}]}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Hmac-Sha256", WebhookSignature.Sign(body, Encoding.UTF8.GetBytes(Secret)));
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Event-Id", $"bench-{number}");
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Webhook {number} was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return elapsed;
    }

    private static async Task<(int Kept, int Queued)> CountAsync(IServiceProvider services, Guid tenant)
    {
        await using var db = services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        var kept = await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync(d => d.TenantId == tenant && d.Status == WebhookDeliveryStatus.Accepted && d.JobId != null);
        var queued = await db.Jobs.IgnoreQueryFilters().CountAsync(j => j.TenantId == tenant && j.Flow == "orders.sync");
        return (kept, queued);
    }
}
