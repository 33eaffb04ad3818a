namespace Portal.Fakes.Sandbox;

/// <summary>
/// An order the sandbox placed: its store id and name (the sale order's customer reference in Odoo), and whether a
/// webhook announced it; when not (no store connected yet), the portal's poll finds it.
/// </summary>
public sealed record SandboxPlacedOrder(string Platform, string Id, string Name, bool Announced);
