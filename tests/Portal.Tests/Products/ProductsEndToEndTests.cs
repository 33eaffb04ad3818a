using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Tests.Orders;

namespace Portal.Tests.Products;

/// <summary>
/// Matching and export end to end in the real portal host, whose own job workers run the flows against the fake
/// store and the fake Odoo: a person starts the dry run, links its matches, and asks for a full export, which updates
/// the matched store products from Odoo and creates nothing (creation is off by default).
/// </summary>
public abstract class ProductsEndToEndTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : OrderToCashStore
{
    /// <summary>Adds a single-variant store product; returns its id and its variant's id.</summary>
    protected abstract (string Product, string Variant) AddProduct(string title, string? sku, string? barcode);

    protected abstract (string Title, decimal Price) Read(string productId);

    protected abstract int ProductCount();

    [Fact]
    public async Task Matched_variants_are_linked_after_the_dry_run_and_the_export_updates_their_products_from_Odoo()
    {
        var mug = AddProduct("Mug from the store", "MUG-001", null);
        var cap = AddProduct("Cap from the store", null, "400000000024");
        var unknown = AddProduct("Something else", "NOT-IN-ODOO", null);

        SyncRun run;
        await using (var scope = store.AsOwner())
        {
            run = await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().StartAsync(store.StoreId);
        }

        var finished = await store.Portal.EventuallyAsync(db => db.SyncRuns.SingleAsync(r => r.Id == run.Id), r => r.State != SyncRunState.Running, "the matching run to finish");
        Assert.Equal(SyncRunState.Succeeded, finished.State);
        var outcomes = await store.Portal.ReadAsync(db => db.ProductMatches.Where(m => m.RunId == run.Id).ToDictionaryAsync(m => m.VariantId, m => (m.Outcome, m.OdooProductId)));
        Assert.Equal((ProductMatchOutcome.Matched, (long?)store.ProductId("MUG-001")), outcomes[mug.Variant]);
        Assert.Equal((ProductMatchOutcome.Matched, (long?)store.ProductId("CAP-RED")), outcomes[cap.Variant]);
        Assert.Equal((ProductMatchOutcome.Unmatched, (long?)null), outcomes[unknown.Variant]);
        Assert.Empty(await store.Portal.ReadAsync(db => db.RecordLinks.Where(l => l.StoreKey == mug.Variant).ToListAsync()));

        await using (var scope = store.AsOwner())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().ApplyAsync(run.Id, new Dictionary<Guid, long>()));
        }

        var products = ProductCount();
        await using (var scope = store.AsOwner())
        {
            await scope.ServiceProvider.GetRequiredService<ProductSettings>().ExportAllAsync(store.StoreId);
        }

        await store.Portal.EventuallyAsync(db => db.RecordLinks.CountAsync(l => l.Kind == RecordLinkKind.Product && (l.StoreKey == mug.Product || l.StoreKey == cap.Product)),
            n => n == 2, "the matched products to be exported");
        Assert.Equal(("Coffee Mug", 12.5m), Read(mug.Product));
        Assert.Equal(("Red Cap", 19.99m), Read(cap.Product));
        Assert.Equal(("Something else", Read(unknown.Product).Price), Read(unknown.Product));
        Assert.Equal(products, ProductCount());
    }
}
