using Portal.Data.Entities;

namespace Portal.Auth;

public sealed class AddMemberForm
{
    public string Email { get; set; } = "";
    public TenantRole Role { get; set; } = TenantRole.Viewer;
}
