using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Orders;

namespace Portal.Tests.Products;

/// <summary>The order-to-cash WooCommerce site, its portal on a clock the image address tests move.</summary>
public sealed class WooCommerceProductImageStore : WooCommerceOrderToCashStore
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigurePortal(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
