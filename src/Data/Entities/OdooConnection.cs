namespace Portal.Data.Entities;

/// <summary>How a tenant reaches its Odoo database. The API key is stored only as Data Protection ciphertext.</summary>
public class OdooConnection : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Url { get; set; }
    public required string Database { get; set; }
    public required string Login { get; set; }

    /// <summary>"Auto" (from the server version), "JsonRpc" or "Json2".</summary>
    public string Transport { get; set; } = "Auto";
    public string? ProtectedApiKey { get; set; }
    public DateTimeOffset? ApiKeyChangedAt { get; set; }

    /// <summary>
    /// The secret in the address an Odoo automation rule calls to report a stock or delivery change at once;
    /// Odoo's "Send Webhook Notification" cannot sign, so the address itself is the credential.
    /// </summary>
    public string? ProtectedNotificationToken { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
