using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.Sync.Webhooks;

/// <summary>
/// A received body as a person reads it. The inbox keeps bodies as bytes because a malformed one need not be
/// text at all, so reading one for display never fails, whatever arrived.
/// </summary>
public sealed record WebhookBodyText(WebhookBodyForm Form, string Text, int Size)
{
    /// <summary>Enough to recognise what arrived (a compressed body, another encoding) without sending megabytes of hex to the browser.</summary>
    public const int BinaryPreviewBytes = 256;

    private const int BytesPerLine = 16;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The text lands in HTML-encoded markup, so escaping non-ASCII and HTML characters would only hide what the platform sent.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebhookBodyText Of(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return new WebhookBodyText(WebhookBodyForm.Binary, HexDump(body.AsSpan(0, Math.Min(body.Length, BinaryPreviewBytes))), body.Length);
        }

        return IndentedJson(body) is { } json
            ? new WebhookBodyText(WebhookBodyForm.Json, json, body.Length)
            : new WebhookBodyText(WebhookBodyForm.Text, text, body.Length);
    }

    private static string? IndentedJson(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var output = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(output, Indented))
            {
                json.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON the writer refuses to repeat (an escaped lone surrogate): shown as received instead.
            return null;
        }
    }

    /// <summary>Offset, bytes in hex and the printable ASCII among them, sixteen bytes a line, as hexdump -C prints them.</summary>
    private static string HexDump(ReadOnlySpan<byte> bytes)
    {
        var dump = new StringBuilder();
        for (var offset = 0; offset < bytes.Length; offset += BytesPerLine)
        {
            var line = bytes.Slice(offset, Math.Min(BytesPerLine, bytes.Length - offset));
            dump.Append(offset.ToString("x8", CultureInfo.InvariantCulture)).Append("  ");
            for (var i = 0; i < BytesPerLine; i++)
            {
                dump.Append(i < line.Length ? line[i].ToString("x2", CultureInfo.InvariantCulture) : "  ").Append(i == BytesPerLine / 2 - 1 ? "  " : " ");
            }

            dump.Append(" |");
            foreach (var b in line)
            {
                dump.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
            }

            dump.Append("|\n");
        }

        return dump.ToString();
    }
}
