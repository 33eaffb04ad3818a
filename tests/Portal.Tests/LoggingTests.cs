using Microsoft.Extensions.Logging;
using Portal.Logging;
using Portal.Sync.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Portal.Tests;

public class LoggingTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private sealed record ConnectionSettings(string Url, string Login, string ApiKey, string WebhookSecret, string AccessToken);

    [Fact]
    public void Logged_objects_have_their_secrets_masked()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().Destructure.With<SecretMaskingPolicy>().WriteTo.Sink(sink).CreateLogger();

        logger.Information("Saved {@Settings}", new ConnectionSettings("https://alpha.odoo.com", "admin", "key-123", "whsec-456", "shpat-789"));

        var rendered = sink.Events.Single().RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("https://alpha.odoo.com", rendered, StringComparison.Ordinal);
        Assert.Contains("admin", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("key-123", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec-456", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("shpat-789", rendered, StringComparison.Ordinal);
        Assert.Equal(3, rendered.Split(SecretMaskingPolicy.Mask).Length - 1);
    }

    [Fact]
    public void Events_inside_a_sync_scope_carry_tenant_store_and_job_ids()
    {
        var sink = new CollectingSink();
        using var serilog = new LoggerConfiguration().Enrich.FromLogContext().WriteTo.Sink(sink).CreateLogger();
        using var factory = new SerilogLoggerFactory(serilog);
        var logger = factory.CreateLogger("Portal.Sync.Jobs");
        var (tenantId, storeId, jobId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        using (SyncLogScope.Begin(logger, tenantId, storeId, jobId))
        {
            logger.LogInformation("Order {OrderName} imported", "#1001");
        }

        logger.LogInformation("Outside any job");

        var inside = sink.Events[0];
        Assert.Equal(tenantId.ToString(), inside.Properties["TenantId"].ToString());
        Assert.Equal(storeId.ToString(), inside.Properties["StoreId"].ToString());
        Assert.Equal(jobId.ToString(), inside.Properties["JobId"].ToString());
        Assert.False(sink.Events[1].Properties.ContainsKey("TenantId"));
    }
}
