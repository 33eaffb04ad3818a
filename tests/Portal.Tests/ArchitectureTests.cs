using Portal.Data;
using Portal.Sync;

namespace Portal.Tests;

/// <summary>Dependencies point one way: Portal → Sync → Data.</summary>
public class ArchitectureTests
{
    private static IEnumerable<string> ReferencesOf(Type type) =>
        type.Assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Data_references_neither_Sync_nor_Portal()
    {
        Assert.DoesNotContain("Portal.Sync", ReferencesOf(typeof(PortalDbContext)));
        Assert.DoesNotContain("Portal", ReferencesOf(typeof(PortalDbContext)));
    }

    [Fact]
    public void Sync_references_Data_but_never_Portal()
    {
        Assert.Contains("Portal.Data", ReferencesOf(typeof(SyncServiceCollectionExtensions)));
        Assert.DoesNotContain("Portal", ReferencesOf(typeof(SyncServiceCollectionExtensions)));
    }

    [Fact]
    public void Data_and_Sync_carry_no_web_framework()
    {
        Assert.DoesNotContain(ReferencesOf(typeof(SyncServiceCollectionExtensions)), name => name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) || name == "MudBlazor");
        Assert.DoesNotContain(ReferencesOf(typeof(PortalDbContext)), name => name == "MudBlazor" || name.StartsWith("Quartz", StringComparison.Ordinal));
    }
}
