using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class RecordLinkConfiguration : IEntityTypeConfiguration<RecordLink>
{
    public void Configure(EntityTypeBuilder<RecordLink> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.StoreKey).HasMaxLength(200);
        builder.Property(l => l.OdooModel).HasMaxLength(64);
        builder.Property(l => l.Fingerprint).HasMaxLength(64);
        builder.HasIndex(l => new { l.StoreId, l.Kind, l.StoreKey }).IsUnique();

        // From an Odoo record back to the store's (a delivery's sale order to the store order it fulfils).
        builder.HasIndex(l => new { l.TenantId, l.OdooModel, l.OdooId });
    }
}
