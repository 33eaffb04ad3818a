namespace Portal.Sync.Commerce;

/// <summary>A store's customer account; guests have none.</summary>
public sealed record CommerceCustomer(
    string Id,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Company,
    CommerceAddress? DefaultAddress);
