namespace Portal.Fakes.Odoo;

/// <summary>
/// A field as fields_get describes it; relations name the target model (and inverse field for one2many);
/// a selection lists the values Odoo accepts (null: not checked).
/// </summary>
public sealed record FakeOdooField(string Name, string Type, string Label, string? Relation = null, string? Inverse = null, bool Required = false, IReadOnlyList<string>? Selection = null);
