using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Entities;

/// <summary>A person who signs in to the portal. What they may see is decided by their memberships.</summary>
public class PortalUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
