using Microsoft.AspNetCore.Authorization;

namespace Portal.Auth;

public sealed record TenantCreatorRequirement : IAuthorizationRequirement;
