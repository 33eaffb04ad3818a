using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Flow).HasMaxLength(100);
        builder.Property(j => j.Subject).HasMaxLength(300);
        builder.Property(j => j.SubjectKey).HasMaxLength(300);
        builder.Property(j => j.IdentityKey).HasMaxLength(300);
        builder.Property(j => j.ActiveIdentityKey).HasMaxLength(300);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.ErrorKind).HasMaxLength(40);
        builder.Property(j => j.FixPath).HasMaxLength(300);
        builder.Property(j => j.ErrorFingerprint).HasMaxLength(64);
        builder.Property(j => j.LastError).HasMaxLength(4000);
        builder.Property(j => j.Payload).HasMaxLength(8000);

        // Waiting jobs in the order a claim takes them, so a claim reads only the jobs it takes whatever the backlog,
        // and the backlog is counted without reading the history. SQLite reads a filtered index only for a query
        // that repeats its filter word for word, as the claim's (JobCandidate) and the backlog's do.
        builder.HasIndex(j => new { j.Priority, j.NextRunAt }).IsDescending(true, false)
            .HasFilter("[State] IN ('Pending', 'Failed')").HasDatabaseName("IX_Jobs_Waiting");

        // Dedupe: one active job per identity key and tenant, enforced by the database across instances.
        builder.HasIndex(j => new { j.TenantId, j.ActiveIdentityKey }).IsUnique().HasFilter("[ActiveIdentityKey] IS NOT NULL");

        // One running job per subject, enforced by the database across instances.
        builder.HasIndex(j => j.SubjectKey).IsUnique().HasFilter("[State] = 'Running'").HasDatabaseName("IX_Jobs_RunningSubject");

        // The inspector's list, newest first, as a whole and by state: a page is read in index order, deep pages included.
        builder.HasIndex(j => new { j.TenantId, j.UpdatedAt, j.Id }).IsDescending(false, true, false);
        builder.HasIndex(j => new { j.TenantId, j.State, j.UpdatedAt });

        // Only failing and parked jobs have a fingerprint; the others (nearly all) cost this index nothing.
        builder.HasIndex(j => new { j.TenantId, j.ErrorFingerprint }).HasFilter("[ErrorFingerprint] IS NOT NULL");
        builder.HasIndex(j => new { j.TenantId, j.IdentityKey });

        // The inspector's filter choices: the tenant's distinct flows and stores, read from the index alone.
        builder.HasIndex(j => new { j.TenantId, j.Flow });
        builder.HasIndex(j => new { j.TenantId, j.StoreId });
    }
}
