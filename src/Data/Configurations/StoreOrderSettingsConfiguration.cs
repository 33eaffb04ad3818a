using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class StoreOrderSettingsConfiguration : IEntityTypeConfiguration<StoreOrderSettings>
{
    public void Configure(EntityTypeBuilder<StoreOrderSettings> builder)
    {
        builder.HasKey(s => s.StoreId);
        builder.HasOne<Store>().WithOne().HasForeignKey<StoreOrderSettings>(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.ImportMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ProductMatching).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CustomerStrategy).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DiscountMode).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.InvoicePolicy).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UninvoicedRefunds).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.TotalTolerance).HasPrecision(18, 4);
    }
}
