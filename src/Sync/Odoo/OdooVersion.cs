using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Sync.Odoo;

/// <summary>What common.version (or /web/version) says about the server.</summary>
public sealed record OdooVersion(int Major, int Minor, string ServerVersion, bool IsEnterprise)
{
    public const int OldestSupported = 16;

    public string Edition => IsEnterprise ? "Enterprise" : "Community";

    /// <summary>Parses {"server_version": "17.0-20240709", "server_version_info": [17, 0, 0, "final", 0, ""]}.</summary>
    public static OdooVersion Parse(JsonNode? answer)
    {
        var serverVersion = answer?["server_version"]?.GetValue<string>()
            ?? throw new FormatException("The answer has no server_version.");
        var info = answer["server_version_info"]?.AsArray();
        var major = info?[0]?.GetValue<int>() ?? ParseLeading(serverVersion, 0);
        var minor = info?[1]?.GetValue<int>() ?? ParseLeading(serverVersion, 1);

        // Enterprise marks the last item of server_version_info with "e". The version string is not reliable:
        // a packaged 19 build running as Community answered "19.0+e-20251227" with an empty last item.
        var enterprise = info is { Count: > 5 } ? info[5]?.ToString() == "e" : serverVersion.Contains("+e", StringComparison.Ordinal);
        return new OdooVersion(major, minor, serverVersion, enterprise);
    }

    private static int ParseLeading(string version, int part)
    {
        var pieces = version.Split('.', '-', '+', '~');
        return pieces.Length > part && int.TryParse(pieces[part].Replace("saas~", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
