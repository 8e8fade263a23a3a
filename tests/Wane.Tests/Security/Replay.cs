using System.Net;

namespace Wane.Tests.Security;

/// <summary>Replays a saved Cookie header with no cookie jar and no redirects, as someone holding a copy of it would.</summary>
internal static class Replay
{
    public static async Task<(HttpStatusCode Status, string? Location)> GetAsync(Uri baseAddress, string cookieHeader, string path = "/")
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    public static Dictionary<string, string> SignIn(string name, string password) => new() { ["Name"] = name, ["Password"] = password };
}
