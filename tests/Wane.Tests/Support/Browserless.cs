using System.Net;
using System.Text.RegularExpressions;

namespace Wane.Tests.Support;

/// <summary>A cookie-keeping HTTP client that posts forms the way a browser without JavaScript does.</summary>
public sealed partial class Browserless : IDisposable
{
    private readonly HttpClient _http;

    public Browserless(Uri baseAddress) =>
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = baseAddress };

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the page, takes its antiforgery token, and posts the fields.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string path, IDictionary<string, string> fields, string? action = null)
    {
        var (_, html) = await GetAsync(path);
        var token = Token().Match(html);
        var form = new Dictionary<string, string>(fields);
        if (token.Success)
        {
            form["__RequestVerificationToken"] = token.Groups[1].Value;
        }
        var response = await _http.PostAsync(action ?? path, new FormUrlEncodedContent(form));
        return (response, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
