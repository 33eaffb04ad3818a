namespace Portal.Fakes.Odoo;

/// <summary>Answers to lose: of <see cref="Method"/> on <see cref="Model"/> (any model when null), <see cref="Times"/> more times.</summary>
public sealed record FakeOdooLostAnswer(string? Model, string Method, int Times, FakeOdooFault Fault);
