using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Customers;

/// <summary>
/// Finds or makes the Odoo contacts of an order. By email: the contact with the order's email (created when
/// missing; its phone and address kept as the store last had them), under its company for B2B orders. Or one
/// configured customer for every order. Either way a delivery address that differs from the customer's own
/// becomes a delivery contact under it, made once per distinct address. Each contact is linked with a
/// fingerprint of what was written, so a returning customer whose details did not change costs no call. A store
/// whose Customers feature is off never writes a contact: orders go under the existing contact with their email (or
/// the one configured customer), delivered to it, and an order whose email has no contact waits for a person.
/// </summary>
public sealed class CustomerSync(StoreOrderSetup setup, OdooClient odoo, OdooReferences references, LinkSet links, JobEffects effects)
{
    public static string EmailKey(string email) => $"email:{email.Trim().ToLowerInvariant()}";

    public static string CompanyKey(string company) => $"company:{company.Trim().ToLowerInvariant()}";

    public static string AddressKey(long parentId, CommerceAddress address) =>
        $"address:{parentId}:{Hash(Place(address).ToString())}";

    /// <summary>The keys of the links this may read for <paramref name="order"/>; addresses are looked up once the customer is known.</summary>
    public static IEnumerable<string> LinkKeys(CommerceOrder order)
    {
        if (Email(order) is { } email)
        {
            yield return EmailKey(email);
        }

        if (Company(order) is { } company)
        {
            yield return CompanyKey(company);
        }
    }

    public async Task<OrderParties> ResolveAsync(CommerceOrder order, Func<IEnumerable<string>, Task<LinkSet>> moreLinks, CancellationToken cancellationToken)
    {
        var billing = order.BillingAddress ?? order.ShippingAddress ?? order.Customer?.DefaultAddress;
        var customer = setup.Settings.CustomerStrategy == CustomerStrategy.SingleCustomer
            ? SingleCustomer()
            : await ContactByEmailAsync(order, RequiredEmail(order), billing, cancellationToken);

        var shipping = order.ShippingAddress;
        if (shipping is null || !WritesContacts || (setup.Settings.CustomerStrategy == CustomerStrategy.MatchByEmail && SameAddress(shipping, billing)))
        {
            return new OrderParties(customer, customer, customer);
        }

        var key = AddressKey(customer, shipping);
        var known = (await moreLinks([key])).OdooId(RecordLinkKind.Customer, key);
        var delivery = known ?? await CreateAsync(await AddressAsync(shipping, order.Email, cancellationToken, parentId: customer, type: "delivery"), cancellationToken);
        effects.Link(RecordLinkKind.Customer, key, "res.partner", delivery);
        return new OrderParties(customer, customer, delivery);
    }

    private bool WritesContacts => setup.Store.Features.HasFlag(StoreFeatures.Customers);

    /// <summary>
    /// The order's customer as <see cref="ResolveAsync"/> would find it, without writing anything: the configured
    /// customer, or the contact linked to or having the order's email; null when one would be created. When contacts are
    /// written, the order's countries and states are looked up as they would need them, so their configuration errors show too.
    /// </summary>
    public async Task<long?> FindAsync(CommerceOrder order, CancellationToken cancellationToken)
    {
        if (setup.Settings.CustomerStrategy == CustomerStrategy.SingleCustomer)
        {
            return SingleCustomer();
        }

        var email = RequiredEmail(order);
        if (!WritesContacts)
        {
            return await ExistingContactAsync(order, email, cancellationToken);
        }

        foreach (var address in new[] { order.BillingAddress ?? order.ShippingAddress ?? order.Customer?.DefaultAddress, order.ShippingAddress }.OfType<CommerceAddress>())
        {
            await AddressAsync(address, email, cancellationToken);
        }

        return links.OdooId(RecordLinkKind.Customer, EmailKey(email)) ?? await FindByEmailAsync(email, cancellationToken);
    }

    private long SingleCustomer() =>
        setup.Settings.SingleCustomerId ?? throw new JobConfigurationException("Orders go to one Odoo customer, but none is chosen.", setup.SettingsPath);

    private string RequiredEmail(CommerceOrder order) =>
        Email(order) ?? throw new JobConfigurationException(
            $"Order {order.Name} has no email to find its customer by; choose one Odoo customer for such orders.", setup.SettingsPath);

    private JobConfigurationException NoContact(CommerceOrder order, string email) =>
        new($"Order {order.Name}'s email {email} has no Odoo contact, and this store's Customers feature is off, so none is made; switch Customers on or choose one Odoo customer for every order.",
            setup.FixPath("settings?tab=features"));

    private async Task<long> ContactByEmailAsync(CommerceOrder order, string email, CommerceAddress? address, CancellationToken cancellationToken)
    {
        if (!WritesContacts)
        {
            return await ExistingContactAsync(order, email, cancellationToken);
        }

        var companyId = Company(order) is { } company ? await CompanyAsync(company, address, cancellationToken) : (long?)null;
        var values = await AddressAsync(address, email, cancellationToken, parentId: companyId, name: PersonName(order, address, email));
        values["email"] = email;
        if ((order.Phone ?? order.Customer?.Phone ?? address?.Phone) is { Length: > 0 } phone)
        {
            values["phone"] = phone;
        }

        var fingerprint = Fingerprint(values);
        var key = EmailKey(email);
        var link = links.Find(RecordLinkKind.Customer, key);
        long id;
        if (link is not null)
        {
            id = link.OdooId;
            if (link.Fingerprint != fingerprint)
            {
                await odoo.WriteAsync("res.partner", [id], Without(values, "name"), cancellationToken);
            }
        }
        else if (await FindByEmailAsync(email, cancellationToken) is { } found)
        {
            id = found;
            await odoo.WriteAsync("res.partner", [id], Without(values, "name"), cancellationToken);
        }
        else
        {
            id = await CreateAsync(values, cancellationToken);
        }

        effects.Link(RecordLinkKind.Customer, key, "res.partner", id, fingerprint);
        return id;
    }

    private async Task<long> ExistingContactAsync(CommerceOrder order, string email, CancellationToken cancellationToken)
    {
        var key = EmailKey(email);
        if (links.OdooId(RecordLinkKind.Customer, key) is { } linked)
        {
            return linked;
        }

        var existing = await FindByEmailAsync(email, cancellationToken) ?? throw NoContact(order, email);
        effects.Link(RecordLinkKind.Customer, key, "res.partner", existing);
        return existing;
    }

    private async Task<long?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        // =ilike is a LIKE pattern: "_" and "%" in an address match any character, so equality is checked here.
        var existing = await odoo.SearchReadAsync("res.partner", OdooDomain.Where("email", "=ilike", email), ["id", "email"], 10, cancellationToken: cancellationToken);
        return existing.FirstOrDefault(p => string.Equals(p!.Text("email")?.Trim(), email, StringComparison.OrdinalIgnoreCase))?.Id();
    }

    private async Task<long> CompanyAsync(string company, CommerceAddress? address, CancellationToken cancellationToken)
    {
        var key = CompanyKey(company);
        if (links.OdooId(RecordLinkKind.Customer, key) is { } linked)
        {
            return linked;
        }

        var existing = await odoo.SearchReadAsync("res.partner",
            OdooDomain.Where("name", "=ilike", company).And(OdooDomain.Where("is_company", "=", true)), ["id"], 1, cancellationToken: cancellationToken);
        long id;
        if (existing.FirstOrDefault() is { } found)
        {
            id = found.Id();
        }
        else
        {
            var values = await AddressAsync(address, null, cancellationToken, name: company);
            values["is_company"] = true;
            id = await CreateAsync(values, cancellationToken);
        }

        effects.Link(RecordLinkKind.Customer, key, "res.partner", id);
        return id;
    }

    private async Task<long> CreateAsync(JsonObject values, CancellationToken cancellationToken) =>
        (await odoo.CreateAsync("res.partner", [values], cancellationToken: cancellationToken))[0];

    private async Task<JsonObject> AddressAsync(CommerceAddress? address, string? email, CancellationToken cancellationToken, long? parentId = null, string? type = null, string? name = null)
    {
        var values = AddressValues(address, name ?? address?.Name ?? email);
        if (parentId is { } parent)
        {
            values["parent_id"] = parent;
        }

        if (type is not null)
        {
            values["type"] = type;
        }

        if (address?.CountryCode is { Length: > 0 } countryCode)
        {
            var country = await references.CountryAsync(odoo, countryCode, cancellationToken)
                          ?? throw new JobConfigurationException($"Odoo has no country with the code '{countryCode}'.", setup.SettingsPath);
            values["country_id"] = country;
            if (address.ProvinceCode is { Length: > 0 } provinceCode)
            {
                values["state_id"] = await references.StateAsync(odoo, country, provinceCode, cancellationToken)
                                     ?? throw new JobConfigurationException($"Odoo has no state '{provinceCode}' in country '{countryCode}'; add it under Contacts → Configuration → States.", setup.SettingsPath);
            }
        }

        return values;
    }

    private static JsonObject AddressValues(CommerceAddress? address, string? name)
    {
        var values = new JsonObject { ["name"] = name ?? "Customer" };
        Put(values, "street", address?.Line1);
        Put(values, "street2", address?.Line2);
        Put(values, "city", address?.City);
        Put(values, "zip", address?.Zip);
        return values;
    }

    private static void Put(JsonObject values, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[field] = value.Trim();
        }
    }

    private static JsonObject Without(JsonObject values, string field)
    {
        var copy = (JsonObject)values.DeepClone();
        copy.Remove(field);
        return copy;
    }

    private static string Fingerprint(JsonObject values) => Hash(values.ToJsonString());

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    /// <summary>Who and where a parcel goes, the parts of an address that make it a different delivery address.</summary>
    private static (string? Name, string? Company, string? Line1, string? Line2, string? City, string? Province, string? Zip, string? Country) Place(CommerceAddress address) =>
        (address.Name, address.Company, address.Line1, address.Line2, address.City, address.ProvinceCode, address.Zip, address.CountryCode);

    private static bool SameAddress(CommerceAddress shipping, CommerceAddress? billing) => billing is not null && Place(shipping) == Place(billing);

    private static string? Email(CommerceOrder order) =>
        (order.Email ?? order.Customer?.Email) is { Length: > 0 } email ? email.Trim() : null;

    private static string? Company(CommerceOrder order) =>
        (order.BillingAddress?.Company ?? order.Customer?.Company) is { Length: > 0 } company ? company.Trim() : null;

    private static string PersonName(CommerceOrder order, CommerceAddress? address, string email)
    {
        var first = order.Customer?.FirstName ?? address?.FirstName;
        var last = order.Customer?.LastName ?? address?.LastName;
        var name = $"{first} {last}".Trim();
        return name.Length > 0 ? name : address?.Name ?? email;
    }
}
