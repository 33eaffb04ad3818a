using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class HealthCheckConfiguration : IEntityTypeConfiguration<HealthCheck>
{
    public void Configure(EntityTypeBuilder<HealthCheck> builder)
    {
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.TenantId, h.Target }).IsUnique();
        builder.Property(h => h.Target).HasMaxLength(64);
        builder.Property(h => h.Summary).HasMaxLength(2000);
        builder.Property(h => h.FixPath).HasMaxLength(256);
    }
}
