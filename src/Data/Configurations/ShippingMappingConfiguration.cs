using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class ShippingMappingConfiguration : IEntityTypeConfiguration<ShippingMapping>
{
    public void Configure(EntityTypeBuilder<ShippingMapping> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Method).HasMaxLength(200);
        builder.HasIndex(m => new { m.StoreId, m.Method }).IsUnique();
    }
}
