using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.VariantId).HasMaxLength(100);
        builder.Property(l => l.InventoryItemId).HasMaxLength(100);
        builder.Property(l => l.StoreLocationId).HasMaxLength(100);
        builder.HasIndex(l => new { l.StoreId, l.VariantId, l.StoreLocationId }).IsUnique();

        // A stock change in Odoo names products; the push finds the store items to set from them.
        builder.HasIndex(l => new { l.StoreId, l.OdooProductId });
    }
}
