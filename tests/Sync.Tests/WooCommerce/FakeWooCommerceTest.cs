using Portal.Fakes.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>A fresh fake WooCommerce for each test, and the portal's clients for it (treating its plain-HTTP loopback as HTTPS).</summary>
public abstract class FakeWooCommerceTest(TimeProvider? clock = null) : IAsyncLifetime
{
    protected FakeWooCommerceServer Fake { get; private set; } = default!;

    internal WooCommerceTestClients Clients { get; } = new(clock);

    public virtual async Task InitializeAsync() => Fake = await FakeWooCommerceServer.StartAsync(clock);

    public virtual async Task DisposeAsync()
    {
        Clients.Dispose();
        await Fake.DisposeAsync();
    }
}
