using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Sync.Shopify;

/// <summary>
/// A mutation ready to send. A document that needs <c>@idempotent</c> gets its key from the caller's stable
/// identity of the intent (the job's identity key, say): every send of the same intent — a retry after a lost
/// answer, the job run again — carries the same key, so Shopify carries it out once; another intent, another key.
/// </summary>
public sealed class ShopifyMutation
{
    private ShopifyMutation(ShopifyOperation operation, JsonObject variables)
    {
        Operation = operation;
        Variables = variables;
    }

    public ShopifyOperation Operation { get; }

    public JsonObject Variables { get; }

    /// <param name="stableIdentity">Required for an idempotent document: names the intent, not the attempt.</param>
    public static ShopifyMutation Create(ShopifyOperation operation, JsonObject variables, string? stableIdentity = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(variables);
        if (!operation.IsMutation)
        {
            throw new ArgumentException($"{operation.Name} is not a mutation.", nameof(operation));
        }

        if (operation.IsIdempotent)
        {
            if (string.IsNullOrWhiteSpace(stableIdentity))
            {
                throw new ArgumentException($"{operation.Name} needs an idempotency key: pass the stable identity of what it does.", nameof(stableIdentity));
            }

            variables[ShopifyOperation.IdempotencyKeyVariable] = KeyFor(operation, stableIdentity);
        }

        return new ShopifyMutation(operation, variables);
    }

    /// <summary>A UUID-shaped key (Shopify recommends UUIDs) derived from the operation and the identity.</summary>
    internal static string KeyFor(ShopifyOperation operation, string stableIdentity)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{operation.Name}\n{stableIdentity}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
