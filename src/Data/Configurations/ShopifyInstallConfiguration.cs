using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class ShopifyInstallConfiguration : IEntityTypeConfiguration<ShopifyInstall>
{
    public void Configure(EntityTypeBuilder<ShopifyInstall> builder)
    {
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.StoreName).HasMaxLength(200);
        builder.Property(i => i.Shop).HasMaxLength(200);
        builder.Property(i => i.ClientId).HasMaxLength(200);
        builder.Property(i => i.ProtectedClientSecret).HasMaxLength(2000);
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.HasIndex(i => i.ExpiresAt);
    }
}
