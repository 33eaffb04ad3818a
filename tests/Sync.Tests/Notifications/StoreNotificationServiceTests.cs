using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Sync.Notifications;
using Portal.Sync.Tests.Settings;

namespace Portal.Sync.Tests.Notifications;

public class StoreNotificationServiceTests : IAsyncLifetime
{
    private SettingsTestBed bed = default!;

    public async Task InitializeAsync() => bed = await SettingsTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private StoreNotificationService As(TenantRole role) => bed.Service<StoreNotificationService>(bed.Alpha, role, "adam@alpha.test");

    [Fact]
    public async Task An_address_is_saved_trimmed_and_audited_and_emptying_it_stops_the_alerts()
    {
        await As(TenantRole.Admin).SaveAsync(bed.AlphaStore, new StoreNotificationForm { NotificationEmail = " ops@alpha.test " });
        Assert.Equal("ops@alpha.test", (await As(TenantRole.Viewer).GetAsync(bed.AlphaStore)).NotificationEmail);

        await As(TenantRole.Admin).SaveAsync(bed.AlphaStore, new StoreNotificationForm { NotificationEmail = "" });

        Assert.Null(await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().Where(s => s.Id == bed.AlphaStore).Select(s => s.NotificationEmail).SingleAsync()));
        Assert.Equal(
            [("store-notifications.saved", "NotificationEmail: none → ops@alpha.test"), ("store-notifications.saved", "NotificationEmail: ops@alpha.test → none")],
            (await bed.AuditAsync()).Select(e => (e.Action, e.Details)));
    }

    [Fact]
    public async Task An_invalid_address_is_refused_by_the_service_too()
    {
        await Assert.ThrowsAsync<ValidationException>(() => As(TenantRole.Admin).SaveAsync(bed.AlphaStore, new StoreNotificationForm { NotificationEmail = "ops" }));

        Assert.Empty(await bed.AuditAsync());
    }
}
