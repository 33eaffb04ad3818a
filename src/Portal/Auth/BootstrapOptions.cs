namespace Portal.Auth;

/// <summary>Bound from "Bootstrap": creates the first owner on a headless install. Supply through the environment, never a file.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string TenantName { get; set; } = "My company";
}
