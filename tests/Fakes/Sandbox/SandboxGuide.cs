using Portal.Fakes.Odoo;

namespace Portal.Fakes.Sandbox;

/// <summary>What a person types into the portal to connect it to the sandbox, and how to place orders; printed at start.</summary>
public static class SandboxGuide
{
    /// <summary>The portal's own address when run with <c>dotnet run --project src/Portal</c>: the fake stores send webhooks there.</summary>
    public const string PortalUrl = "http://localhost:5080";

    /// <summary>The portal's command line that lets it reach the sandbox on 127.0.0.1 and be reached by it.</summary>
    public const string PortalCommand =
        "dotnet run --project src/Portal -- --Stores:AllowLoopbackAddresses=true --Stores:PublicBaseUrl=" + PortalUrl;

    public static string Describe(DemoSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var control = sandbox.ControlUrl.AbsoluteUri.TrimEnd('/');
        return $"""
            Demo sandbox: a fake Odoo {DemoSandbox.OdooMajor}, a fake Shopify shop and a fake WooCommerce site, in memory (Ctrl+C ends them).

            Start the portal beside it:
              {PortalCommand}
            then open {PortalUrl}, create the first owner and enter:

            Odoo connection
              Odoo address   {sandbox.Odoo.Url.AbsoluteUri}
              Database       {FakeOdooServer.DatabaseName}
              Login          admin
              API key        {FakeOdooSeed.AdminApiKey}

            Stores > Connect Shopify store
              Shop                     {sandbox.Shopify.Url.AbsoluteUri}
              Admin API access token   {sandbox.Shopify.AccessToken}
              App API secret key       {sandbox.Shopify.ClientSecret}

            Stores > Connect WooCommerce site
              Site URL          {sandbox.WooCommerce.Url.AbsoluteUri}
              Consumer key      {sandbox.WooCommerce.ReadWriteKey.ConsumerKey}
              Consumer secret   {sandbox.WooCommerce.ReadWriteKey.ConsumerSecret}

            Mappings of each store
              Taxes              {SandboxOrders.SalesTax.Title} (rate {SandboxOrders.SalesTax.Rate}, any country) -> {SandboxOrders.SalesTaxInOdoo}
              Locations          Shopify {SandboxCatalogue.ShopifyLocation} "{SandboxCatalogue.ShopifyLocationName}", WooCommerce "{SandboxCatalogue.WooCommerceLocation}" -> warehouse {SandboxCatalogue.OdooWarehouse}
              Payment journals   {SandboxOrders.ShopifyGateway} -> Shopify Payments, {SandboxOrders.WooCommerceGateway} -> PayPal

            Place an order (2 coffee mugs and socks; it shows on the Jobs page and as a sale order in the fake Odoo):
              curl -X POST {control}/shopify/orders
              curl -X POST {control}/woocommerce/orders
            Break something: add ?tax=unmapped (a "{SandboxOrders.UnmappedTax.Title}" tax nobody mapped): the job parks under "Blocked by" on the Jobs page
            until the tax is mapped and the group retried.
            """;
    }
}
