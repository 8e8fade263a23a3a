using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Wane.Web;

/// <summary>
/// The address people reach this instance at, for the links Wane builds (calendar feed URLs). It comes from
/// the <c>PublicUrl</c> setting, else from the address the server listens on, never from the request's
/// <c>Host</c> header: a forged <c>Host: evil.example</c> must not turn a secret feed URL into a link to
/// someone else's server.
/// </summary>
internal sealed class PublicUrl(IConfiguration configuration, IServer server)
{
    /// <summary>The configured public URL, or null when none is set.</summary>
    public Uri? Configured { get; } = Parse(configuration["PublicUrl"]);

    /// <summary>The base URL without a trailing slash, e.g. <c>https://wane.example.org</c>.</summary>
    public string Value => (Configured?.ToString() ?? Listening()).TrimEnd('/');

    /// <summary>Parses the setting; anything but an absolute http(s) URL is a configuration error, stopped at start.</summary>
    public static Uri? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
            ? uri
            : throw new InvalidOperationException($"PublicUrl must be an absolute http or https URL such as https://wane.example.org (it is \"{text}\").");
    }

    private string Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? WaneWeb.DefaultUrl;
        // A wildcard binding (0.0.0.0, [::], +, *) names no host anyone can reach; the README says to set PublicUrl then.
        return System.Text.RegularExpressions.Regex.Replace(address, @"//(0\.0\.0\.0|\[::\]|\+|\*)(?=[:/]|$)", "//localhost");
    }
}
