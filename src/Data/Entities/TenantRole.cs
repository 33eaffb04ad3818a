namespace Portal.Data.Entities;

/// <summary>What a member may do in one tenant; ordered from most to least powerful.</summary>
public enum TenantRole
{
    Owner,
    Admin,
    Finance,
    Viewer,
}
