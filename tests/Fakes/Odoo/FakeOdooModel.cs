namespace Portal.Fakes.Odoo;

/// <summary>A model of the fake: its label (as in AccessError messages) and its fields by name.</summary>
public sealed class FakeOdooModel(string name, string label, IEnumerable<FakeOdooField> fields)
{
    public string Name { get; } = name;

    public string Label { get; } = label;

    public IReadOnlyDictionary<string, FakeOdooField> Fields { get; } =
        fields.Prepend(new FakeOdooField("id", "integer", "ID"))
            .Append(new FakeOdooField("display_name", "char", "Display Name"))
            .Append(new FakeOdooField("create_date", "datetime", "Created on"))
            .Append(new FakeOdooField("write_date", "datetime", "Last Updated on"))
            .ToDictionary(f => f.Name);
}
