using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Flows.Orders;
using Portal.Sync.Flows.Payments;
using Portal.Sync.Flows.Refunds;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo.Connection;

namespace Portal.Sync.Flows;

public static class OrderToCashServiceCollectionExtensions
{
    /// <summary>Orders, customers, payments and refunds from the stores into Odoo.</summary>
    public static IServiceCollection AddOrderToCash(this IServiceCollection services)
    {
        services.AddSingleton<TenantOdoo>();
        services.AddSingleton<StoreOrderSetups>();
        services.AddSingleton<RecordLinks>();
        services.AddSingleton<OdooReferences>();
        services.AddSingleton<IJobHandler, OrderSyncFlow>();
        services.AddSingleton<IJobHandler, PaymentSyncFlow>();
        services.AddSingleton<IJobHandler, RefundSyncFlow>();
        return services;
    }
}
