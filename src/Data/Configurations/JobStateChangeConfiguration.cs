using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class JobStateChangeConfiguration : IEntityTypeConfiguration<JobStateChange>
{
    public void Configure(EntityTypeBuilder<JobStateChange> builder)
    {
        builder.HasOne<Job>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.JobId, c.Id });

        // The health page counts the last day's outcomes per tenant.
        builder.HasIndex(c => new { c.TenantId, c.To, c.At });
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Actor).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.Error).HasMaxLength(4000);
    }
}
