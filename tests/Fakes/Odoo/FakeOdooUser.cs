namespace Portal.Fakes.Odoo;

/// <summary>A user of the fake: password, API key, and the operations allowed per model (null: everything).</summary>
public sealed record FakeOdooUser(long Uid, string Login, string Password, string ApiKey, IReadOnlyDictionary<string, string[]>? Rights = null)
{
    public bool May(string model, string operation) =>
        Rights is null || (Rights.TryGetValue(model, out var operations) && operations.Contains(operation));
}
