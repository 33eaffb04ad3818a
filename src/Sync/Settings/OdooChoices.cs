using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>
/// The Odoo records the settings and mapping pages offer, read from the active tenant's Odoo as the flows will
/// use it. Lists are those a store's orders can use (sale taxes, bank and cash journals, internal locations),
/// of one company when one is given. Every failure is an <see cref="OdooUnavailableException"/> saying why.
/// </summary>
public sealed class OdooChoices(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, SecretProtector secrets, OdooClientFactory clients)
{
    private const int SearchLimit = 20;
    private static readonly string[] PaymentJournalTypes = ["bank", "cash"];

    public Task<IReadOnlyList<OdooChoice>> CompaniesAsync(CancellationToken cancellationToken = default) =>
        ListAsync("res.company", OdooDomain.All, cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> PricelistsAsync(CancellationToken cancellationToken = default) =>
        ListAsync("product.pricelist", OdooDomain.All, cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> SalesTeamsAsync(long? companyId = null, CancellationToken cancellationToken = default) =>
        ListAsync("crm.team", OfCompany(OdooDomain.All, companyId), cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> FiscalPositionsAsync(long? companyId = null, CancellationToken cancellationToken = default) =>
        ListAsync("account.fiscal.position", OfCompany(OdooDomain.All, companyId), cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> PaymentJournalsAsync(long? companyId = null, CancellationToken cancellationToken = default) =>
        ListAsync("account.journal", OfCompany(OdooDomain.In("type", PaymentJournalTypes), companyId), cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> CarriersAsync(CancellationToken cancellationToken = default) =>
        ListAsync("delivery.carrier", OdooDomain.All, cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> WarehousesAsync(long? companyId = null, CancellationToken cancellationToken = default) =>
        ListAsync("stock.warehouse", OfCompany(OdooDomain.All, companyId), cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> InternalLocationsAsync(CancellationToken cancellationToken = default) =>
        AskAsync<IReadOnlyList<OdooChoice>>(async client =>
            (await client.SearchReadAsync("stock.location", OdooDomain.Where("usage", "=", "internal"), ["complete_name", "name"], order: "complete_name", cancellationToken: cancellationToken))
            .OfType<JsonNode>().Select(l => new OdooChoice(l.Id(), l.Text("complete_name") ?? l.Text("name") ?? "")).ToList(), cancellationToken);

    /// <summary>
    /// Sale taxes with their rate, whether prices include them (a field of its own up to 17, a selection from 18) and
    /// their country, by name and code.
    /// </summary>
    public Task<IReadOnlyList<OdooTaxChoice>> SaleTaxesAsync(long? companyId = null, CancellationToken cancellationToken = default) =>
        AskAsync<IReadOnlyList<OdooTaxChoice>>(async client =>
        {
            var profile = await client.GetProfileAsync(cancellationToken);
            var taxes = (await client.SearchReadAsync("account.tax", OfCompany(OdooDomain.Where("type_tax_use", "=", "sale"), companyId),
                ["name", "amount", "country_id", profile.TaxPriceIncludeField], order: "name", cancellationToken: cancellationToken)).OfType<JsonNode>().ToList();
            var countryIds = taxes.Select(t => t.ManyToOneId("country_id")).OfType<long>().Distinct().ToList();
            var codes = countryIds.Count == 0
                ? new Dictionary<long, string?>()
                : (await client.ReadAsync("res.country", countryIds, ["code"], cancellationToken)).OfType<JsonNode>().ToDictionary(c => c.Id(), c => c.Text("code"));
            return taxes.Select(t => new OdooTaxChoice(t.Id(), t.Text("name") ?? "", t.Number("amount"), profile.IsPriceIncluded(t[profile.TaxPriceIncludeField]),
                t.ManyToOneName("country_id"), t.ManyToOneId("country_id") is { } country ? codes.GetValueOrDefault(country) : null)).ToList();
        }, cancellationToken);

    /// <summary>Services (shipping, discounts, tips, duties, fees) whose name or internal reference contains <paramref name="term"/>.</summary>
    public Task<IReadOnlyList<OdooChoice>> SearchServiceProductsAsync(string term, CancellationToken cancellationToken = default) =>
        NameSearchAsync("product.product", term, OdooDomain.Where("type", "=", "service"), cancellationToken);

    /// <summary>Product variants whose name, internal reference (SKU) or barcode matches <paramref name="term"/>.</summary>
    public Task<IReadOnlyList<OdooChoice>> SearchProductsAsync(string term, CancellationToken cancellationToken = default) =>
        NameSearchAsync("product.product", term, null, cancellationToken);

    public Task<IReadOnlyList<OdooChoice>> SearchCustomersAsync(string term, CancellationToken cancellationToken = default) =>
        NameSearchAsync("res.partner", term, null, cancellationToken);

    /// <summary>The names of records a page stored the ids of; ids Odoo no longer has are left out.</summary>
    public Task<IReadOnlyList<OdooChoice>> NamesAsync(string model, IEnumerable<long> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? Task.FromResult<IReadOnlyList<OdooChoice>>([])
            : AskAsync<IReadOnlyList<OdooChoice>>(async client =>
                (await client.ReadAsync(model, wanted, ["name"], cancellationToken)).Select(Choice).ToList(), cancellationToken);
    }

    private Task<IReadOnlyList<OdooChoice>> ListAsync(string model, OdooDomain domain, CancellationToken cancellationToken) =>
        AskAsync<IReadOnlyList<OdooChoice>>(async client =>
            (await client.SearchReadAsync(model, domain, ["name"], order: "name", cancellationToken: cancellationToken)).Select(Choice).ToList(), cancellationToken);

    private Task<IReadOnlyList<OdooChoice>> NameSearchAsync(string model, string term, OdooDomain? domain, CancellationToken cancellationToken) =>
        AskAsync<IReadOnlyList<OdooChoice>>(async client =>
            (await client.NameSearchAsync(model, term.Trim(), domain, SearchLimit, cancellationToken)).Select(r => new OdooChoice(r.Id, r.Name)).ToList(), cancellationToken);

    private static OdooChoice Choice(JsonNode? record) => new(record!.Id(), record!.Text("name") ?? "");

    private static OdooDomain OfCompany(OdooDomain domain, long? companyId) =>
        companyId is { } company ? domain.And(OdooDomain.Where("company_id", "in", new JsonArray(company, false))) : domain;

    private async Task<T> AskAsync<T>(Func<OdooClient, Task<T>> ask, CancellationToken cancellationToken)
    {
        tenant.Demand(TenantPermission.View);
        var client = await ClientAsync(cancellationToken)
            ?? throw new OdooUnavailableException("Odoo is not connected yet: connect it on the Odoo page to choose from its records.");
        try
        {
            return await ask(client);
        }
        catch (OdooException ex)
        {
            throw new OdooUnavailableException($"Odoo's records could not be read: {ex.Message}", ex);
        }
    }

    private async Task<OdooClient?> ClientAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.OdooConnections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return StoredOdooConnection.EndpointOf(connection, secrets) is { } endpoint ? clients.For(endpoint) : null;
    }
}
