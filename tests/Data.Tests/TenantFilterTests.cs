using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data.Tests;

/// <summary>The database itself keeps tenants apart: queries see only the active tenant, saves cannot cross over.</summary>
public class TenantFilterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private SqliteTestDatabase database = default!;
    private Guid tenantA;
    private Guid tenantB;

    public async Task InitializeAsync()
    {
        database = await SqliteTestDatabase.CreateAsync();
        await using var setup = database.For(null);
        var a = new Tenant { Name = "Alpha", CreatedAt = Now };
        var b = new Tenant { Name = "Bravo", CreatedAt = Now };
        setup.Tenants.AddRange(a, b);
        setup.Users.AddRange(new PortalUser { Id = "user-a", UserName = "a@example.com" }, new PortalUser { Id = "user-b", UserName = "b@example.com" });
        setup.Memberships.AddRange(
            new Membership { TenantId = a.Id, UserId = "user-a", Role = TenantRole.Owner, CreatedAt = Now },
            new Membership { TenantId = b.Id, UserId = "user-b", Role = TenantRole.Owner, CreatedAt = Now });
        await setup.SaveChangesAsync();
        (tenantA, tenantB) = (a.Id, b.Id);

        foreach (var (tenant, name) in new[] { (tenantA, "alpha"), (tenantB, "bravo") })
        {
            await using var db = database.For(tenant);
            db.OdooConnections.Add(new OdooConnection { Url = $"https://{name}.example.com", Database = name, Login = "admin", UpdatedAt = Now });
            db.AuditEntries.Add(new AuditEntry { At = Now, ActorName = name, Action = "test", Subject = name });
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_tenant_sees_only_its_own_rows()
    {
        await using var db = database.For(tenantA, "user-a");

        Assert.Equal(["https://alpha.example.com"], await db.OdooConnections.Select(c => c.Url).ToListAsync());
        Assert.Equal(["alpha"], await db.AuditEntries.Select(e => e.Subject).ToListAsync());
        Assert.Equal(["Alpha"], await db.Tenants.Select(t => t.Name).ToListAsync());
        Assert.Equal(["user-a"], await db.Memberships.Select(m => m.UserId).ToListAsync());
        Assert.Null(await db.OdooConnections.FirstOrDefaultAsync(c => c.TenantId == tenantB));
    }

    [Fact]
    public async Task Without_an_active_tenant_tenant_owned_rows_are_invisible()
    {
        await using var db = database.For(null);

        Assert.Empty(await db.OdooConnections.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
        Assert.Empty(await db.Tenants.ToListAsync());
        Assert.Equal(2, await db.OdooConnections.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task A_user_outside_a_tenant_sees_their_own_memberships_and_tenants_only()
    {
        await using var db = database.For(null, "user-b");

        Assert.Equal([tenantB], await db.Memberships.Select(m => m.TenantId).ToListAsync());
        Assert.Equal(["Bravo"], await db.Tenants.Select(t => t.Name).ToListAsync());
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_active_tenant()
    {
        await using (var db = database.For(tenantA))
        {
            db.AuditEntries.Add(new AuditEntry { At = Now, ActorName = "x", Action = "stamped", Subject = "x" });
            await db.SaveChangesAsync();
        }

        await using var all = database.For(null);
        var stamped = await all.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.Action == "stamped");
        Assert.Equal(tenantA, stamped.TenantId);
    }

    [Fact]
    public async Task Saving_a_row_of_another_tenant_is_refused()
    {
        await using var db = database.For(tenantA);
        db.AuditEntries.Add(new AuditEntry { TenantId = tenantB, At = Now, ActorName = "x", Action = "sneaky", Subject = "x" });

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Moving_a_row_to_another_tenant_is_refused()
    {
        await using var db = database.For(tenantA);
        var connection = await db.OdooConnections.SingleAsync();
        connection.TenantId = tenantB;

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Saving_tenant_owned_rows_without_an_active_tenant_is_refused()
    {
        await using var db = database.For(null);
        db.AuditEntries.Add(new AuditEntry { TenantId = tenantA, At = Now, ActorName = "x", Action = "orphan", Subject = "x" });

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public void Every_entity_with_a_TenantId_has_a_query_filter()
    {
        using var db = database.For(null);
        var withTenantId = db.Model.GetEntityTypes().Where(e => e.FindProperty("TenantId") is not null).ToList();

        Assert.Contains(withTenantId, e => e.ClrType == typeof(OdooConnection));
        Assert.All(withTenantId, e => Assert.NotEmpty(e.GetDeclaredQueryFilters()));
        Assert.All(
            db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)),
            e => Assert.NotNull(e.FindProperty("TenantId")));
    }
}
