using Portal.Data.Entities;

namespace Portal.Auth;

/// <summary>A tenant the signed-in user belongs to, as the tenant switcher lists it.</summary>
public sealed record TenantChoice(Guid Id, string Name, TenantRole Role);
