using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Settings;

public class StoreMappingsTests : IAsyncLifetime
{
    private SettingsTestBed bed = default!;

    public async Task InitializeAsync() => bed = await SettingsTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private T As<T>(TenantRole role = TenantRole.Admin, Guid? tenantId = null, string userName = "adam@alpha.test")
        where T : notnull => bed.Service<T>(tenantId ?? bed.Alpha, role, userName);

    private static TaxMappingForm Tva() => new() { Title = " TVA 20% ", Rate = 0.2m, CountryCode = "fr", PriceIncluded = true, OdooTaxId = 2 };

    [Fact]
    public async Task A_tax_mapping_is_added_normalised_listed_and_audited()
    {
        var added = await As<TaxMappings>().AddAsync(bed.AlphaStore, Tva());

        var listed = Assert.Single(await As<TaxMappings>(TenantRole.Viewer).ListAsync(bed.AlphaStore));
        Assert.Equal((added.Id, "TVA 20%", 0.2m, "FR", true, 2L, bed.Alpha, bed.Host.Clock.GetUtcNow()),
            (listed.Id, listed.Title, listed.Rate, listed.CountryCode, listed.PriceIncluded, listed.OdooTaxId, listed.TenantId, listed.UpdatedAt));
        var entry = Assert.Single(await bed.AuditAsync());
        Assert.Equal(("tax-mapping.added", "Alpha EU", "adam@alpha.test", "TVA 20% 0.2 FR included → Odoo tax 2"),
            (entry.Action, entry.Subject, entry.ActorName, entry.Details));
    }

    [Fact]
    public async Task The_same_tax_twice_is_refused_but_another_rate_or_country_is_another_tax()
    {
        await As<TaxMappings>().AddAsync(bed.AlphaStore, Tva());

        var refused = await Assert.ThrowsAsync<ValidationException>(() => As<TaxMappings>().AddAsync(bed.AlphaStore, Tva()));
        var other = Tva();
        other.CountryCode = "";
        await As<TaxMappings>().AddAsync(bed.AlphaStore, other);
        other.Rate = 0.055m;
        await As<TaxMappings>().AddAsync(bed.AlphaStore, other);

        Assert.Equal(nameof(TaxMappingForm.Title), Assert.Single(refused.Errors).PropertyName);
        Assert.Equal(["", "", "FR"], (await As<TaxMappings>().ListAsync(bed.AlphaStore)).Select(m => m.CountryCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Changing_a_mapping_audits_before_and_after_and_removing_it_too()
    {
        var added = await As<PaymentJournalMappings>().AddAsync(bed.AlphaStore, new PaymentJournalMappingForm { Gateway = "paypal", OdooJournalId = 6 });
        bed.Host.Clock.Advance(TimeSpan.FromMinutes(5));

        await As<PaymentJournalMappings>().UpdateAsync(bed.AlphaStore, added.Id, new PaymentJournalMappingForm { Gateway = "paypal", OdooJournalId = 7 });
        var changed = Assert.Single(await As<PaymentJournalMappings>().ListAsync(bed.AlphaStore));
        await As<PaymentJournalMappings>().RemoveAsync(bed.AlphaStore, added.Id);

        Assert.Equal((added.Id, 7L, bed.Host.Clock.GetUtcNow()), (changed.Id, changed.OdooJournalId, changed.UpdatedAt));
        Assert.Empty(await As<PaymentJournalMappings>().ListAsync(bed.AlphaStore));
        Assert.Equal(
            [
                ("journal-mapping.added", "paypal → Odoo journal 6"),
                ("journal-mapping.changed", "paypal → Odoo journal 6 → paypal → Odoo journal 7"),
                ("journal-mapping.removed", "paypal → Odoo journal 7"),
            ],
            (await bed.AuditAsync()).Select(e => (e.Action, e.Details)));
    }

    [Fact]
    public async Task A_mapping_may_keep_its_own_key_when_changed_but_not_take_anothers()
    {
        var paypal = await As<PaymentJournalMappings>().AddAsync(bed.AlphaStore, new PaymentJournalMappingForm { Gateway = "paypal", OdooJournalId = 6 });
        await As<PaymentJournalMappings>().AddAsync(bed.AlphaStore, new PaymentJournalMappingForm { Gateway = "gift_card", OdooJournalId = 7 });

        await As<PaymentJournalMappings>().UpdateAsync(bed.AlphaStore, paypal.Id, new PaymentJournalMappingForm { Gateway = "paypal", OdooJournalId = 8 });
        await Assert.ThrowsAsync<ValidationException>(() =>
            As<PaymentJournalMappings>().UpdateAsync(bed.AlphaStore, paypal.Id, new PaymentJournalMappingForm { Gateway = "gift_card", OdooJournalId = 8 }));

        Assert.Equal([("gift_card", 7L), ("paypal", 8L)], (await As<PaymentJournalMappings>().ListAsync(bed.AlphaStore)).Select(m => (m.Gateway, m.OdooJournalId)));
    }

    [Fact]
    public async Task Shipping_maps_a_method_to_a_carrier_or_a_product_once()
    {
        await As<ShippingMappings>().AddAsync(bed.AlphaStore, new ShippingMappingForm { Method = "standard", OdooCarrierId = 1 });
        await As<ShippingMappings>().AddAsync(bed.AlphaStore, new ShippingMappingForm { Method = "Express", OdooProductId = 9 });

        await Assert.ThrowsAsync<ValidationException>(() => As<ShippingMappings>().AddAsync(bed.AlphaStore, new ShippingMappingForm { Method = "standard", OdooProductId = 9 }));
        await Assert.ThrowsAsync<ValidationException>(() => As<ShippingMappings>().AddAsync(bed.AlphaStore, new ShippingMappingForm { Method = "pickup", OdooCarrierId = 1, OdooProductId = 9 }));

        Assert.Equal([("Express", null, 9L), ("standard", 1L, null)],
            (await As<ShippingMappings>().ListAsync(bed.AlphaStore)).Select(m => (m.Method, m.OdooCarrierId, m.OdooProductId)));
    }

    [Fact]
    public async Task Only_one_location_is_primary_the_last_one_saved_as_such()
    {
        var main = await As<LocationMappings>().AddAsync(bed.AlphaStore, new LocationMappingForm { StoreLocationId = "101", StoreLocationName = "Main", OdooWarehouseId = 1, IsPrimary = true });
        await As<LocationMappings>().AddAsync(bed.AlphaStore, new LocationMappingForm { StoreLocationId = "102", StoreLocationName = "Annex", OdooLocationId = 8 });
        await As<LocationMappings>().AddAsync(bed.AlphaStore, new LocationMappingForm { StoreLocationId = "103", StoreLocationName = "Depot", OdooWarehouseId = 2, OdooLocationId = 9, IsPrimary = true });

        var listed = await As<LocationMappings>().ListAsync(bed.AlphaStore);

        Assert.Equal([("Depot", true), ("Annex", false), ("Main", false)], listed.Select(m => (m.StoreLocationName, m.IsPrimary)));
        Assert.Contains(await bed.AuditAsync(), e => e.Details == "Depot (103) → Odoo warehouse 2, Odoo location 9, primary");
        Assert.DoesNotContain(listed, m => m.Id == main.Id && m.IsPrimary);
    }

    [Fact]
    public async Task Members_who_do_not_manage_settings_list_but_change_nothing()
    {
        var added = await As<TaxMappings>().AddAsync(bed.AlphaStore, Tva());

        Assert.Single(await As<TaxMappings>(TenantRole.Finance).ListAsync(bed.AlphaStore));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => As<TaxMappings>(TenantRole.Finance).AddAsync(bed.AlphaStore, Tva()));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => As<TaxMappings>(TenantRole.Viewer).UpdateAsync(bed.AlphaStore, added.Id, Tva()));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => As<TaxMappings>(TenantRole.Viewer).RemoveAsync(bed.AlphaStore, added.Id));
        Assert.Single(await bed.AuditAsync());
    }

    [Fact]
    public async Task Another_tenants_store_and_mappings_are_out_of_reach()
    {
        var bravos = await As<TaxMappings>(TenantRole.Owner, bed.Bravo, "bob@bravo.test").AddAsync(bed.BravoStore, Tva());

        await Assert.ThrowsAsync<KeyNotFoundException>(() => As<TaxMappings>().ListAsync(bed.BravoStore));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As<TaxMappings>().AddAsync(bed.BravoStore, Tva()));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As<TaxMappings>().UpdateAsync(bed.AlphaStore, bravos.Id, Tva()));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As<TaxMappings>().RemoveAsync(bed.AlphaStore, bravos.Id));

        Assert.Empty(await As<TaxMappings>().ListAsync(bed.AlphaStore));
        var stored = await bed.ReadAsync(db => db.TaxMappings.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((bed.Bravo, bed.BravoStore, 2L), (stored.TenantId, stored.StoreId, stored.OdooTaxId));
    }

    [Fact]
    public async Task A_sku_linked_by_hand_is_a_variant_link_the_order_flow_reads()
    {
        var link = await As<ProductLinks>().AddAsync(bed.AlphaStore, new ProductLinkForm { Sku = " ABC-1 ", OdooProductId = 42 });

        var stored = await bed.ReadAsync(db => db.RecordLinks.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((link.Id, RecordLinkKind.Variant, "sku:ABC-1", "product.product", 42L, bed.Alpha, bed.AlphaStore),
            (stored.Id, stored.Kind, stored.StoreKey, stored.OdooModel, stored.OdooId, stored.TenantId, stored.StoreId));
        Assert.Equal(("product-link.added", "SKU ABC-1 → Odoo product 42"), (await bed.AuditAsync()).Select(e => (e.Action, e.Details!)).Single());
        await Assert.ThrowsAsync<ValidationException>(() => As<ProductLinks>().AddAsync(bed.AlphaStore, new ProductLinkForm { Sku = "ABC-1", OdooProductId = 43 }));
    }

    [Fact]
    public async Task Product_links_come_a_page_at_a_time_sku_links_first_and_only_the_stores_variants()
    {
        await using (var db = bed.Host.Services.GetRequiredService<Portal.Data.PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.Alpha)))
        {
            for (var i = 0; i < 30; i++)
            {
                db.RecordLinks.Add(new RecordLink { StoreId = bed.AlphaStore, Kind = RecordLinkKind.Variant, StoreKey = $"4455{i:00}", OdooModel = "product.product", OdooId = i + 1 });
            }

            db.RecordLinks.Add(new RecordLink { StoreId = bed.AlphaStore, Kind = RecordLinkKind.Order, StoreKey = "9001", OdooModel = "sale.order", OdooId = 5 });
            await db.SaveChangesAsync();
        }

        await As<ProductLinks>().AddAsync(bed.AlphaStore, new ProductLinkForm { Sku = "ZED", OdooProductId = 99 });
        var links = As<ProductLinks>(TenantRole.Viewer);

        var (first, total) = await links.ListAsync(bed.AlphaStore, 0, 10);
        var (last, _) = await links.ListAsync(bed.AlphaStore, 3, 10);
        var (found, foundTotal) = await links.ListAsync(bed.AlphaStore, 0, 10, "445512");

        Assert.Equal(31, total);
        Assert.Equal(("ZED", null, 99L, true), (first[0].Sku, first[0].VariantId, first[0].OdooProductId, first[0].MadeByHand));
        Assert.Equal(["445500", "445501"], first.Skip(1).Take(2).Select(l => l.VariantId));
        Assert.Equal(["445529"], last.Select(l => l.VariantId));
        Assert.Equal((1, "445512"), (foundTotal, found.Single().VariantId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As<ProductLinks>(TenantRole.Owner, bed.Bravo).ListAsync(bed.AlphaStore, 0, 10));
    }

    [Fact]
    public async Task Removing_a_link_lets_the_next_order_match_again()
    {
        var link = await As<ProductLinks>().AddAsync(bed.AlphaStore, new ProductLinkForm { Sku = "ABC-1", OdooProductId = 42 });

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => As<ProductLinks>(TenantRole.Viewer).RemoveAsync(bed.AlphaStore, link.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As<ProductLinks>(TenantRole.Owner, bed.Bravo).RemoveAsync(bed.BravoStore, link.Id));
        await As<ProductLinks>().RemoveAsync(bed.AlphaStore, link.Id);

        Assert.Equal(0, await bed.ReadAsync(db => db.RecordLinks.IgnoreQueryFilters().CountAsync()));
        Assert.Equal("SKU ABC-1 → Odoo product 42", (await bed.AuditAsync()).Last().Details);
    }
}
