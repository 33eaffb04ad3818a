using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Topic).HasMaxLength(100);
        builder.Property(d => d.DeliveryKey).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(200);
        builder.Property(d => d.Headers).HasMaxLength(4000);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Problem).HasMaxLength(1000);

        // Dedupe: one row per delivery of a store, also when two instances receive it at once.
        builder.HasIndex(d => new { d.StoreId, d.DeliveryKey }).IsUnique();
        // The Webhooks page's list, newest first, as a whole and by status: a page is read in index order.
        builder.HasIndex(d => new { d.TenantId, d.ReceivedAt, d.Id });
        builder.HasIndex(d => new { d.TenantId, d.Status, d.ReceivedAt, d.Id });
    }
}
