using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;

namespace Portal.Sync.Tests;

public class SecretsAtRestTests
{
    private const string KnownSecret = "odoo-api-key-7f3c9a1e5b2d4c6e8f0a";

    [Fact]
    public async Task A_secret_saved_through_the_normal_path_appears_nowhere_in_the_database_files()
    {
        await using var host = await SyncTestHost.StartAsync();
        var tenantId = await host.AddTenantAsync("Alpha");
        await using (var scope = host.ScopeFor(tenantId, TenantRole.Owner))
        {
            await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(new OdooConnectionForm
            {
                Url = "https://alpha.odoo.com", Database = "alpha", Login = "admin", NewApiKey = KnownSecret,
            });
        }

        await using (var scope = host.ScopeFor(tenantId, TenantRole.Owner))
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var stored = await db.OdooConnections.SingleAsync();
            Assert.Equal(KnownSecret, scope.ServiceProvider.GetRequiredService<SecretProtector>().Unprotect(stored.ProtectedApiKey!));
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }

        // The main file, and the write-ahead log that may still hold the newest pages.
        var files = Directory.GetFiles(host.Directory, "portal.db*");
        Assert.Contains(files, f => f.EndsWith("portal.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(KnownSecret)), $"{Path.GetFileName(file)} holds the secret as UTF-8.");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(KnownSecret)), $"{Path.GetFileName(file)} holds the secret as UTF-16.");
        }
    }

    [Fact]
    public async Task Another_instance_sharing_the_database_reads_what_this_one_protected()
    {
        await using var host = await SyncTestHost.StartAsync();
        var protectedValue = host.Services.GetRequiredService<SecretProtector>().Protect(KnownSecret);

        // A second service provider stands for a second portal instance: it shares only the database.
        await using var other = host.SecondInstance();

        Assert.Equal(KnownSecret, other.GetRequiredService<SecretProtector>().Unprotect(protectedValue));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
