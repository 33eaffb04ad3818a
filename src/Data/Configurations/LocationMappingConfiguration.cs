using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class LocationMappingConfiguration : IEntityTypeConfiguration<LocationMapping>
{
    public void Configure(EntityTypeBuilder<LocationMapping> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.StoreLocationId).HasMaxLength(100);
        builder.Property(m => m.StoreLocationName).HasMaxLength(200);
        builder.HasIndex(m => new { m.StoreId, m.StoreLocationId }).IsUnique();
    }
}
