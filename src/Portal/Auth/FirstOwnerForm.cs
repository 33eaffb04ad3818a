namespace Portal.Auth;

/// <summary>The first-run setup page's form; headless installs fill it from Bootstrap:* settings.</summary>
public sealed class FirstOwnerForm
{
    public string TenantName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}
