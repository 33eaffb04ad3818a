using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class PaymentJournalMappingConfiguration : IEntityTypeConfiguration<PaymentJournalMapping>
{
    public void Configure(EntityTypeBuilder<PaymentJournalMapping> builder)
    {
        builder.HasOne<Store>().WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Gateway).HasMaxLength(100);
        builder.HasIndex(m => new { m.StoreId, m.Gateway }).IsUnique();
    }
}
