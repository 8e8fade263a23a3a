using System.Net;
using System.Text.RegularExpressions;

namespace Wane.Tests.Support;

/// <summary>A cookie-keeping HTTP client that posts forms the way a browser without JavaScript does.</summary>
public sealed partial class Browserless : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();
    private readonly Uri _base;

    public Browserless(Uri baseAddress, string? userAgent = null)
    {
        _base = baseAddress;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = true }) { BaseAddress = baseAddress };
        if (userAgent is not null)
        {
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
    }

    /// <summary>The Cookie header this browser sends (to replay a saved copy of it elsewhere).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_base);

    /// <summary>The path a GET of <paramref name="path"/> ends on after redirects (e.g. "/signin" when signed out).</summary>
    public async Task<string> LandsOnAsync(string path) => (await GetAsync(path)).Response.RequestMessage!.RequestUri!.AbsolutePath;

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

    /// <summary>GETs the page, takes its antiforgery token, and posts the fields with a file, as multipart/form-data.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> UploadAsync(string path, string action, IDictionary<string, string> fields, string fileField, string fileName, byte[] file)
    {
        var (_, html) = await GetAsync(path);
        using var form = new MultipartFormDataContent();
        if (Token().Match(html) is { Success: true } token)
        {
            form.Add(new StringContent(token.Groups[1].Value), "__RequestVerificationToken");
        }
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        form.Add(new ByteArrayContent(file), fileField, fileName);
        var response = await _http.PostAsync(action, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form of the page last shown (<paramref name="html"/>), with its antiforgery token.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFromAsync(string html, string action, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields);
        if (Token().Match(html) is { Success: true } token)
        {
            form["__RequestVerificationToken"] = token.Groups[1].Value;
        }
        var response = await _http.PostAsync(action, new FormUrlEncodedContent(form));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A script's POST from the page last shown (<paramref name="html"/>): no body, its antiforgery token in the
    /// <c>RequestVerificationToken</c> header, as <c>fetch</c> sends it.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Body)> FetchFromAsync(string html, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action);
        if (Token().Match(html) is { Success: true } token)
        {
            request.Headers.Add("RequestVerificationToken", token.Groups[1].Value);
        }
        var response = await _http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the page <paramref name="html"/>, or null when it has none.</summary>
    public static string? TokenIn(string html) => Token().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
