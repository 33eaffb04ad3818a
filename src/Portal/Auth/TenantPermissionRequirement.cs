using Microsoft.AspNetCore.Authorization;
using Portal.Sync.Tenancy;

namespace Portal.Auth;

public sealed record TenantPermissionRequirement(TenantPermission Permission) : IAuthorizationRequirement;
