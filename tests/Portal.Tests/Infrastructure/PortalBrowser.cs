using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// An HTTP client that keeps cookies and submits the portal's server-rendered forms the way a browser
/// does: it reads the form's hidden fields (antiforgery token, form name) from the page first.
/// </summary>
public sealed partial class PortalBrowser : IDisposable
{
    private readonly HttpClient client;

    public PortalBrowser(Uri baseAddress)
    {
        client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    public async Task<(HttpStatusCode Status, string Body)> GetPageAsync(string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="path"/>, fills the form's fields and posts it to <paramref name="action"/> (default: the same path).</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var values = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(values));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await SubmitFormAsync(path, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public async Task SignInOrFailAsync(string email, string password)
    {
        using var response = await SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Where a redirect points, as a site-relative path and query.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
