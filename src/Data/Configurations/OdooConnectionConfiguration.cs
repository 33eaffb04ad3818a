using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class OdooConnectionConfiguration : IEntityTypeConfiguration<OdooConnection>
{
    public void Configure(EntityTypeBuilder<OdooConnection> builder)
    {
        builder.HasIndex(c => c.TenantId).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Url).HasMaxLength(500);
        builder.Property(c => c.Database).HasMaxLength(200);
        builder.Property(c => c.Login).HasMaxLength(200);
        builder.Property(c => c.Transport).HasMaxLength(20).HasDefaultValue("Auto");
        builder.Property(c => c.ProtectedApiKey).HasMaxLength(2000);
        builder.Property(c => c.ProtectedNotificationToken).HasMaxLength(2000);
    }
}
