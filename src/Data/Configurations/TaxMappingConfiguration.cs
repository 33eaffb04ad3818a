using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class TaxMappingConfiguration : IEntityTypeConfiguration<TaxMapping>
{
    public void Configure(EntityTypeBuilder<TaxMapping> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Rate).HasPrecision(9, 6);
        builder.Property(m => m.CountryCode).HasMaxLength(2);
        builder.HasIndex(m => new { m.StoreId, m.Title, m.Rate, m.CountryCode, m.PriceIncluded }).IsUnique();
    }
}
