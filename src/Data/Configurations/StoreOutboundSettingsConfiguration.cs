using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class StoreOutboundSettingsConfiguration : IEntityTypeConfiguration<StoreOutboundSettings>
{
    public void Configure(EntityTypeBuilder<StoreOutboundSettings> builder)
    {
        builder.HasKey(s => s.StoreId);
        builder.HasOne<Store>().WithOne().HasForeignKey<StoreOutboundSettings>(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.QuantityRule).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.BufferKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.BufferValue).HasPrecision(18, 4);
    }
}
