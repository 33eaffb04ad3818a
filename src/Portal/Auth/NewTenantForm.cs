namespace Portal.Auth;

public sealed class NewTenantForm
{
    public string Name { get; set; } = "";
}
