namespace Portal.Fakes.Sandbox;

/// <summary>Where the sandbox's servers listen on 127.0.0.1; 0 takes a free port (tests run beside each other).</summary>
public sealed record SandboxPorts(int Odoo, int Shopify, int WooCommerce, int Control)
{
    /// <summary>The documented ports, next to the portal's http://localhost:5080, so the README's values work as typed.</summary>
    public static SandboxPorts Fixed { get; } = new(5081, 5082, 5083, 5084);

    public static SandboxPorts Free { get; } = new(0, 0, 0, 0);
}
