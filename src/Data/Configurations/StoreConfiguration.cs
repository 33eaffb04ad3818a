using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.Platform).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.NotificationEmail).HasMaxLength(254);
        builder.Property(s => s.ProtectedWebhookSecret).HasMaxLength(2000);
        builder.Property(s => s.ProtectedPreviousWebhookSecret).HasMaxLength(2000);
        builder.Property(s => s.ProtectedCredentials).HasMaxLength(4000);
        builder.Property(s => s.ProductDirection).HasConversion<string>().HasMaxLength(20);
    }
}
