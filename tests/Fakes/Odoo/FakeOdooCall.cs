namespace Portal.Fakes.Odoo;

/// <summary>One request the fake received: the transport, and the model (or service) and method called.</summary>
public sealed record FakeOdooCall(string Transport, string Model, string Method);
