using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;

namespace Portal.Sync.Flows.Payments;

/// <summary>
/// Records store transactions as Odoo payments in the journal mapped to their gateway (gift cards have a
/// gateway of their own): against an invoice or credit note through Odoo's payment wizard, which reconciles
/// them, or on the customer's account when there is none. Each payment carries a reference made of the store
/// and transaction, by which a payment whose answer was lost is found instead of made again.
/// </summary>
public sealed class PaymentRegister(StoreOrderSetup setup, OdooClient odoo)
{
    public static string Reference(StoreOrderSetup setup, string orderId, string transactionKey) => $"{setup.Origin(orderId)}/{transactionKey}";

    public long JournalFor(CommercePayment transaction)
    {
        var gateway = transaction.Gateway ?? "";
        return MappingLookup.Journal(setup.Journals, gateway)?.OdooJournalId
               ?? throw new JobConfigurationException(
                   $"No Odoo journal is mapped to the payment gateway '{(gateway.Length > 0 ? gateway : "(none)")}'.",
                   setup.FixPath($"mappings/journals?gateway={Uri.EscapeDataString(gateway)}"));
    }

    /// <summary>Registers <paramref name="amount"/> (positive) on <paramref name="moveId"/>, or on <paramref name="partnerId"/>'s account when there is no move.</summary>
    public async Task<long> RegisterAsync(string reference, long journalId, decimal amount, DateTimeOffset? date, long? moveId, long partnerId, bool inbound, CancellationToken cancellationToken)
    {
        var referenceField = await ReferenceFieldAsync(cancellationToken);
        if (await FindAsync(referenceField, reference, cancellationToken) is { } existing)
        {
            return existing;
        }

        var day = (date ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (moveId is { } move)
        {
            var wizard = (await odoo.CreateAsync("account.payment.register",
                [new JsonObject { ["journal_id"] = journalId, ["amount"] = (double)amount, ["payment_date"] = day, ["communication"] = reference }],
                new JsonObject { ["active_model"] = "account.move", ["active_ids"] = new JsonArray(move) }, cancellationToken))[0];
            var action = await odoo.CallAsync("account.payment.register", "action_create_payments", [wizard], cancellationToken: cancellationToken);
            if (action?["res_id"] is JsonValue created && created.TryGetValue<long>(out var paymentId))
            {
                return paymentId;
            }

            return await FindAsync(referenceField, reference, cancellationToken)
                   ?? throw new InvalidOperationException($"Odoo registered the payment '{reference}' but it cannot be found by its reference.");
        }

        var values = new JsonObject
        {
            ["payment_type"] = inbound ? "inbound" : "outbound",
            ["partner_type"] = "customer",
            ["partner_id"] = partnerId,
            ["amount"] = (double)amount,
            ["journal_id"] = journalId,
            ["date"] = day,
            [referenceField] = reference,
        };
        var payment = (await odoo.CreateAsync("account.payment", [values], cancellationToken: cancellationToken))[0];
        await odoo.CallAsync("account.payment", "action_post", [payment], cancellationToken: cancellationToken);
        return payment;
    }

    // Odoo 18 renamed the payment's reference from "ref" to "memo".
    private async Task<string> ReferenceFieldAsync(CancellationToken cancellationToken) =>
        (await odoo.FieldsGetAsync("account.payment", cancellationToken)).ContainsKey("memo") ? "memo" : "ref";

    private async Task<long?> FindAsync(string field, string reference, CancellationToken cancellationToken) =>
        (await odoo.SearchReadAsync("account.payment", OdooDomain.Where(field, "=", reference), ["id"], 1, cancellationToken: cancellationToken)).FirstOrDefault()?.Id();
}
