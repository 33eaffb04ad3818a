using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests;

public class OdooConnectionServiceTests : IAsyncLifetime
{
    private SyncTestHost host = default!;
    private Guid tenantId;

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        tenantId = await host.AddTenantAsync("Alpha");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static OdooConnectionForm Form(string? key = "0123456789abcdef") =>
        new() { Url = "https://alpha.odoo.com", Database = "alpha", Login = "connector@alpha.com", NewApiKey = key };

    [Fact]
    public async Task An_admin_saves_the_connection_and_the_key_is_stored_encrypted()
    {
        await using (var scope = host.ScopeFor(tenantId, TenantRole.Admin))
        {
            await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(Form("the-real-api-key"));
        }

        await using var check = host.ScopeFor(tenantId, TenantRole.Viewer);
        var summary = await check.ServiceProvider.GetRequiredService<OdooConnectionService>().GetAsync();
        Assert.Equal(new OdooConnectionSummary("https://alpha.odoo.com", "alpha", "connector@alpha.com", OdooTransportKind.Auto, true, host.Clock.GetUtcNow(), host.Clock.GetUtcNow()), summary);

        var stored = await check.ServiceProvider.GetRequiredService<PortalDbContext>().OdooConnections.SingleAsync();
        Assert.DoesNotContain("the-real-api-key", stored.ProtectedApiKey, StringComparison.Ordinal);
        Assert.Equal("the-real-api-key", check.ServiceProvider.GetRequiredService<SecretProtector>().Unprotect(stored.ProtectedApiKey!));
    }

    [Fact]
    public async Task Saving_without_a_new_key_keeps_the_stored_one()
    {
        await using var scope = host.ScopeFor(tenantId, TenantRole.Owner);
        var service = scope.ServiceProvider.GetRequiredService<OdooConnectionService>();
        await service.SaveAsync(Form("first-key-value"));
        host.Clock.Advance(TimeSpan.FromHours(1));

        await service.SaveAsync(Form(key: null));

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.OdooConnections.AsNoTracking().SingleAsync();
        Assert.Equal("first-key-value", scope.ServiceProvider.GetRequiredService<SecretProtector>().Unprotect(stored.ProtectedApiKey!));
        Assert.Equal(host.Clock.GetUtcNow().AddHours(-1), stored.ApiKeyChangedAt);
        Assert.Equal(host.Clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Theory]
    [InlineData(TenantRole.Viewer)]
    [InlineData(TenantRole.Finance)]
    public async Task Roles_without_settings_rights_cannot_save(TenantRole role)
    {
        await using var scope = host.ScopeFor(tenantId, role);

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(Form()));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().GetAsync());
    }

    [Fact]
    public async Task The_first_save_needs_an_api_key_and_a_real_address()
    {
        await using var scope = host.ScopeFor(tenantId, TenantRole.Owner);
        var form = Form(key: null);
        form.Url = "alpha.odoo.com";

        var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(form));

        Assert.Contains(error.Errors, e => e.PropertyName == nameof(OdooConnectionForm.Url) && e.ErrorMessage.Contains("https://", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.PropertyName == nameof(OdooConnectionForm.NewApiKey) && e.ErrorMessage.Contains("API key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Testing_uses_the_stored_key_and_the_chosen_protocol()
    {
        await using var odoo = await FakeOdooServer.StartAsync(19);
        await using var scope = host.ScopeFor(tenantId, TenantRole.Admin);
        var service = scope.ServiceProvider.GetRequiredService<OdooConnectionService>();
        OdooConnectionForm Form() => new() { Url = odoo.Url.ToString(), Database = FakeOdooServer.DatabaseName, Login = "admin", Transport = OdooTransportKind.JsonRpc };
        var first = Form();
        first.NewApiKey = FakeOdooSeed.AdminApiKey;
        await service.SaveAsync(first);

        var report = await service.TestAsync(Form());

        Assert.True(report.Succeeded, report.Problem);
        Assert.Equal(OdooTransportKind.JsonRpc, report.Transport);
        Assert.Equal(OdooTransportKind.JsonRpc, (await service.GetAsync())!.Transport);
        Assert.DoesNotContain(odoo.Calls, c => c.Transport == "json2");
    }

    [Fact]
    public async Task Every_save_is_audited_without_the_key()
    {
        await using (var scope = host.ScopeFor(tenantId, TenantRole.Owner, "owner@alpha.com"))
        {
            var service = scope.ServiceProvider.GetRequiredService<OdooConnectionService>();
            await service.SaveAsync(Form("audited-key-1"));
            var changed = Form("audited-key-2");
            changed.Database = "alpha-prod";
            await service.SaveAsync(changed);
        }

        await using var check = host.ScopeFor(tenantId, TenantRole.Viewer);
        var entries = await check.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["created, API key replaced", "database, API key replaced"], entries.Select(e => e.Details));
        Assert.All(entries, e => Assert.Equal("owner@alpha.com", e.ActorName));
        Assert.All(entries, e => Assert.DoesNotContain("audited-key", e.Details, StringComparison.Ordinal));
    }
}
