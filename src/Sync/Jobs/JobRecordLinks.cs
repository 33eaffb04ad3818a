using System.Globalization;
using System.Text.Json;

namespace Portal.Sync.Jobs;

/// <summary>
/// Where the job's records live: the store's admin page and the Odoo form. Flows put the identifiers in the
/// payload ("storeRecordUrl", "odooModel" and "odooId"); only http(s) addresses become links.
/// </summary>
public sealed record JobRecordLinks(Uri? StoreRecord, Uri? OdooRecord)
{
    public static JobRecordLinks From(string payload, string? odooUrl)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(payload).RootElement.Clone();
        }
        catch (JsonException)
        {
            return new JobRecordLinks(null, null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new JobRecordLinks(null, null);
        }

        var store = root.TryGetProperty("storeRecordUrl", out var url) && url.ValueKind == JsonValueKind.String ? WebAddress(url.GetString()) : null;
        Uri? odoo = null;
        if (odooUrl is not null
            && root.TryGetProperty("odooModel", out var model) && model.ValueKind == JsonValueKind.String
            && root.TryGetProperty("odooId", out var id) && id.TryGetInt64(out var recordId))
        {
            // The /web#model=…&id=… form opens the record on Odoo 16 to 19 (newer versions redirect it).
            odoo = WebAddress(string.Create(CultureInfo.InvariantCulture, $"{odooUrl.TrimEnd('/')}/web#model={Uri.EscapeDataString(model.GetString()!)}&id={recordId}&view_type=form"));
        }

        return new JobRecordLinks(store, odoo);
    }

    private static Uri? WebAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
