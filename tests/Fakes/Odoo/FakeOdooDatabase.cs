using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Odoo;

/// <summary>
/// The fake's records, kept the way Odoo stores them: many2one as an id, many2many as an id list, one2many
/// derived from the inverse field. Reads answer in Odoo's shapes; writes accept Odoo's x2many commands.
/// </summary>
public sealed class FakeOdooDatabase
{
    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> tables = [];
    private readonly Dictionary<string, long> sequences = [];
    private readonly TimeProvider time;

    public FakeOdooDatabase(int major, TimeProvider? time = null)
    {
        Major = major;
        this.time = time ?? TimeProvider.System;
        Models = FakeOdooSchema.For(major);
        foreach (var model in Models.Keys)
        {
            tables[model] = [];
        }
    }

    public int Major { get; }

    public IReadOnlyDictionary<string, FakeOdooModel> Models { get; }

    public FakeOdooModel Model(string name) =>
        Models.TryGetValue(name, out var model) ? model : throw FakeOdooException.UnknownModel(name);

    public IEnumerable<long> Ids(string model) => tables[model].Keys;

    public JsonObject Raw(string model, long id) => tables[model][id];

    public bool Exists(string model, long id) => tables[model].ContainsKey(id);

    public long Create(string modelName, JsonObject values)
    {
        values = AsFromTheWire(values);
        var model = Model(modelName);
        var id = Next(modelName);
        var row = new JsonObject { ["id"] = id, ["create_date"] = Now };
        tables[modelName][id] = row;
        Touch(modelName, id);
        var children = ApplyValues(model, row, values);
        foreach (var required in model.Fields.Values.Where(f => f.Required && row[f.Name] is null))
        {
            tables[modelName].Remove(id);
            throw FakeOdooException.Validation(Major >= 19
                ? $"The operation cannot be completed: Missing required value for the field '{required.Label}' ({required.Name}).\nModel: '{model.Label}' ({model.Name})\n- create/update: a mandatory field is not set\n- delete: another model requires the record being deleted, you can archive it instead\n"
                : $"The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: {model.Label} ({model.Name})\nField: {required.Label} ({required.Name})\n");
        }

        CreateChildren(children, id);
        return id;
    }

    public void Write(string modelName, long id, JsonObject values)
    {
        var model = Model(modelName);
        CreateChildren(ApplyValues(model, tables[modelName][id], AsFromTheWire(values)), id);
        Touch(modelName, id);
    }

    /// <summary>
    /// Stamps a record's write_date as Odoo does on every write, for changes the fake makes to rows directly
    /// (reservations, validations): pollers find changes by it.
    /// </summary>
    public void Touch(string modelName, long id) => tables[modelName][id]["write_date"] = Now;

    // Odoo answers datetimes in UTC to the second ('%Y-%m-%d %H:%M:%S').
    public string Now => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // Values built in memory (seed data, side effects) are stored exactly as if they had come over HTTP.
    private static JsonObject AsFromTheWire(JsonObject values) => JsonNode.Parse(values.ToJsonString())!.AsObject();

    public void Unlink(string model, long id) => tables[model].Remove(id);

    public IEnumerable<long> Search(string modelName, JsonArray? domain, string? order)
    {
        var model = Model(modelName);
        var matching = tables[modelName].Values
            .Where(row => (!model.Fields.ContainsKey("active") || DomainMentions(domain, "active") || row["active"]?.GetValue<bool>() != false)
                          && FakeOdooDomain.Matches(domain, field => ReadField(model, row, Path(model, field))))
            .Select(row => row["id"]!.GetValue<long>());
        return Order(modelName, matching, order);
    }

    public JsonObject Read(string modelName, long id, IReadOnlyCollection<string>? fields)
    {
        var model = Model(modelName);
        var row = tables[modelName][id];
        var names = fields is { Count: > 0 } ? fields : model.Fields.Keys.ToList();
        var record = new JsonObject();
        foreach (var name in names.Prepend("id").Distinct())
        {
            if (!model.Fields.ContainsKey(name))
            {
                throw FakeOdooException.InvalidField(modelName, name);
            }

            record[name] = ReadField(model, row, name);
        }

        return record;
    }

    public string DisplayName(string modelName, long id)
    {
        var row = tables[modelName][id];
        return modelName switch
        {
            "product.product" or "product.template" when row["default_code"] is JsonValue code && code.GetValueKind() == JsonValueKind.String =>
                $"[{code}] {row["name"]}",
            "stock.location" => row["complete_name"]?.GetValue<string>() ?? row["name"]!.GetValue<string>(),
            _ => row["name"]?.GetValue<string>() ?? row["login"]?.GetValue<string>() ?? $"{modelName},{id}",
        };
    }

    public string NextName(string prefix, int digits)
    {
        var number = Next($"name:{prefix}");
        return prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    private long Next(string sequence) => sequences[sequence] = sequences.GetValueOrDefault(sequence) + 1;

    private JsonNode? ReadField(FakeOdooModel model, JsonObject row, string name)
    {
        if (name.Contains('.', StringComparison.Ordinal))
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var relation = model.Fields[name[..dot]];
            return row[relation.Name] is JsonValue target && target.GetValueKind() == JsonValueKind.Number
                ? ReadField(Model(relation.Relation!), tables[relation.Relation!][target.GetValue<long>()], name[(dot + 1)..])
                : JsonValue.Create(false);
        }

        var field = model.Fields[name];
        var id = row["id"]!.GetValue<long>();
        return field.Type switch
        {
            _ when name == "display_name" => DisplayName(model.Name, id),
            "many2one" => row[name] is JsonValue target && target.GetValueKind() == JsonValueKind.Number && Exists(field.Relation!, target.GetValue<long>())
                ? new JsonArray(target.GetValue<long>(), DisplayName(field.Relation!, target.GetValue<long>()))
                : JsonValue.Create(false),
            "one2many" => new JsonArray(tables[field.Relation!].Values
                .Where(child => child[field.Inverse!] is JsonValue parent && parent.GetValue<long>() == id)
                .Select(child => JsonValue.Create(child["id"]!.GetValue<long>()))
                .ToArray<JsonNode?>()),
            "many2many" => row[name]?.DeepClone() ?? new JsonArray(),
            "float" => row[name]?.DeepClone() ?? JsonValue.Create(0.0),
            "integer" => row[name]?.DeepClone() ?? JsonValue.Create(0),
            "boolean" => row[name]?.DeepClone() ?? JsonValue.Create(false),
            _ => row[name]?.DeepClone() ?? JsonValue.Create(false),
        };
    }

    private static string Path(FakeOdooModel model, string field)
    {
        var head = field.Split('.')[0];
        return model.Fields.ContainsKey(head)
            ? field
            : throw new FakeOdooException("builtins.ValueError", $"Invalid field {model.Name}.{head} in leaf ('{field}', ...)", System.Net.HttpStatusCode.InternalServerError);
    }

    private static bool DomainMentions(JsonArray? domain, string field) =>
        domain?.Any(term => term is JsonArray { Count: 3 } leaf && leaf[0]!.GetValue<string>() == field) == true;

    private IEnumerable<long> Order(string modelName, IEnumerable<long> ids, string? order)
    {
        var clauses = (order ?? "id").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        IOrderedEnumerable<long>? sorted = null;
        foreach (var clause in clauses)
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            string Key(long id) => tables[modelName][id][parts[0]]?.ToString() ?? "";
            long Number(long id) => parts[0] == "id" ? id : 0;
            sorted = (sorted, descending) switch
            {
                (null, false) => ids.OrderBy(Number).ThenBy(Key, StringComparer.Ordinal),
                (null, true) => ids.OrderByDescending(Number).ThenByDescending(Key, StringComparer.Ordinal),
                (_, false) => sorted.ThenBy(Number).ThenBy(Key, StringComparer.Ordinal),
                (_, true) => sorted.ThenByDescending(Number).ThenByDescending(Key, StringComparer.Ordinal),
            };
        }

        return sorted ?? ids;
    }

    private List<(FakeOdooField Field, JsonObject Values)> ApplyValues(FakeOdooModel model, JsonObject row, JsonObject values)
    {
        var children = new List<(FakeOdooField, JsonObject)>();
        foreach (var (name, value) in values)
        {
            if (!model.Fields.TryGetValue(name, out var field) || name is "id" or "display_name")
            {
                throw FakeOdooException.InvalidField(model.Name, name);
            }

            switch (field.Type)
            {
                case "many2one":
                    row[name] = value is JsonValue target && target.GetValueKind() == JsonValueKind.Number ? target.GetValue<long>() : null;
                    break;
                case "one2many":
                    foreach (var command in value?.AsArray() ?? [])
                    {
                        var code = command![0]!.GetValue<int>();
                        switch (code)
                        {
                            case 0:
                                children.Add((field, command[2]!.AsObject()));
                                break;
                            case 1:
                                Write(field.Relation!, command[1]!.GetValue<long>(), command[2]!.AsObject());
                                break;
                            case 2 or 3:
                                // The connector's one2many (order lines, invoice lines, return lines) cascade: unlinking deletes.
                                Unlink(field.Relation!, command[1]!.GetValue<long>());
                                break;
                            case 4:
                                tables[field.Relation!][command[1]!.GetValue<long>()][field.Inverse!] = row["id"]!.GetValue<long>();
                                break;
                            case 5:
                                foreach (var child in Children(field, row["id"]!.GetValue<long>()))
                                {
                                    Unlink(field.Relation!, child);
                                }

                                break;
                            case 6:
                                var kept = command[2]!.AsArray().Select(i => i!.GetValue<long>()).ToHashSet();
                                foreach (var child in Children(field, row["id"]!.GetValue<long>()).Where(c => !kept.Contains(c)))
                                {
                                    Unlink(field.Relation!, child);
                                }

                                foreach (var child in kept)
                                {
                                    tables[field.Relation!][child][field.Inverse!] = row["id"]!.GetValue<long>();
                                }

                                break;
                            default:
                                throw new FakeOdooException("builtins.ValueError", $"Unknown x2many command {code}", System.Net.HttpStatusCode.InternalServerError);
                        }
                    }

                    break;
                case "many2many":
                    row[name] = ApplyManyToMany(row[name]?.AsArray(), value?.AsArray() ?? []);
                    break;
                // Odoo parses datetimes with '%Y-%m-%d %H:%M:%S' and accepts a bare date (observed on 17).
                case "datetime" when value is JsonValue text && text.GetValueKind() == JsonValueKind.String
                                     && !DateTime.TryParseExact(text.GetValue<string>(), ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    throw new FakeOdooException("builtins.ValueError", $"time data '{text.GetValue<string>()}' does not match format '%Y-%m-%d %H:%M:%S'", System.Net.HttpStatusCode.InternalServerError);
                case "selection" when field.Selection is { } allowed && value is JsonValue chosen && chosen.GetValueKind() == JsonValueKind.String && !allowed.Contains(chosen.GetValue<string>()):
                    throw new FakeOdooException("builtins.ValueError", $"Wrong value for {model.Name}.{name}: '{chosen}'", System.Net.HttpStatusCode.InternalServerError);
                default:
                    row[name] = value?.DeepClone();
                    break;
            }
        }

        return children;
    }

    /// <summary>The ids of a one2many's records, read through their inverse field.</summary>
    public List<long> Children(FakeOdooField field, long parentId) =>
        tables[field.Relation!].Values
            .Where(child => child[field.Inverse!] is JsonValue parent && parent.GetValueKind() == JsonValueKind.Number && parent.GetValue<long>() == parentId)
            .Select(child => child["id"]!.GetValue<long>())
            .ToList();

    /// <summary>The ids of <paramref name="model"/>'s records whose many2one <paramref name="field"/> is <paramref name="id"/>.</summary>
    public List<long> Where(string model, string field, long id) =>
        tables[model].Values
            .Where(row => row[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.GetValue<long>() == id)
            .Select(row => row["id"]!.GetValue<long>())
            .ToList();

    private void CreateChildren(List<(FakeOdooField Field, JsonObject Values)> children, long parentId)
    {
        foreach (var (field, values) in children)
        {
            var withParent = (JsonObject)values.DeepClone();
            withParent[field.Inverse!] = parentId;
            Create(field.Relation!, withParent);
        }
    }

    private static JsonArray ApplyManyToMany(JsonArray? current, JsonArray commands)
    {
        var ids = current?.Select(id => id!.GetValue<long>()).ToList() ?? [];
        foreach (var command in commands)
        {
            if (command is JsonValue plainId)
            {
                ids.Add(plainId.GetValue<long>());
                continue;
            }

            switch (command![0]!.GetValue<int>())
            {
                case 3:
                    ids.Remove(command[1]!.GetValue<long>());
                    break;
                case 4:
                    ids.Add(command[1]!.GetValue<long>());
                    break;
                case 5:
                    ids.Clear();
                    break;
                case 6:
                    ids = command[2]!.AsArray().Select(id => id!.GetValue<long>()).ToList();
                    break;
            }
        }

        return new JsonArray(ids.Distinct().Select(id => JsonValue.Create(id)).ToArray<JsonNode?>());
    }
}
