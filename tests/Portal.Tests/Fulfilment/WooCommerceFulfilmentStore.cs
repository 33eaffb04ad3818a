using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Orders;

namespace Portal.Tests.Fulfilment;

/// <summary>The order-to-cash WooCommerce site, its portal on a clock the scenarios move.</summary>
public sealed class WooCommerceFulfilmentStore : WooCommerceOrderToCashStore, IFulfilmentStore
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigurePortal(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
