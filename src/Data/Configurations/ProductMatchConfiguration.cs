using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class ProductMatchConfiguration : IEntityTypeConfiguration<ProductMatch>
{
    public void Configure(EntityTypeBuilder<ProductMatch> builder)
    {
        builder.HasOne<SyncRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.StoreProductId).HasMaxLength(100);
        builder.Property(m => m.VariantId).HasMaxLength(100);
        builder.Property(m => m.InventoryItemId).HasMaxLength(100);
        builder.Property(m => m.Title).HasMaxLength(500);
        builder.Property(m => m.Sku).HasMaxLength(200);
        builder.Property(m => m.Barcode).HasMaxLength(200);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Candidates).HasMaxLength(2000);
        builder.HasIndex(m => new { m.RunId, m.Outcome, m.Title });
    }
}
