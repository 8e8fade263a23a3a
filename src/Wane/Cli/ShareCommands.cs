using System.CommandLine;
using Spectre.Console;
using Wane.Features.Common;
using Wane.Features.Sharing;

namespace Wane.Cli;

/// <summary><c>wane share add|list|revoke</c>: the person's shares, as on the Sharing page and <c>/api/v1/shares</c>.</summary>
internal static class ShareCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var share = new Command("share", "Read-only access to parts of your record, for a supporter or clinician");

        var to = new Option<string?>("--to") { Description = "The user name of an account on this Wane" };
        var link = new Option<bool>("--link") { Description = "Make a secret link instead (printed once; needs --expires)" };
        var expires = new Option<string?>("--expires") { Description = "Last local day of access, YYYY-MM-DD (required for a link)" };
        var pin = new Option<string?>("--pin") { Description = "A PIN for the link, 4 to 12 digits" };
        var scope = new Option<string?>("--scope") { Description = "What they see, comma-separated: plan, checkins, doses, notes", Required = true };
        var cows = new Option<bool>("--cows") { Description = "The account may enter a COWS for you" };
        var label = new Option<string?>("--label") { Description = "Who a link is for (e.g. \"Dr Lee\")" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the same as the API)" };
        share.Add(runtime.Command("add", "Share with an account (--to NAME) or make a secret link (--link --expires DATE)", [to, link, expires, pin, scope, cows, label, json], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var scopes = (parse.GetValue(scope) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var body = new AddShareBody(parse.GetValue(to), parse.GetValue(link), parse.GetValue(expires), parse.GetValue(pin), scopes,
                parse.GetValue(cows), parse.GetValue(label));
            var baseUrl = (host.Get<IConfiguration>()["PublicUrl"] ?? Web.WaneWeb.DefaultUrl).TrimEnd('/');
            var created = await host.Get<AddShare>().HandleAsync(user.Id, body, baseUrl, ct).ConfigureAwait(false) switch
            {
                Outcome<ShareCreatedView>.Ok ok => ok.Value,
                Outcome<ShareCreatedView>.Invalid bad => throw new CliException(bad.Errors),
                Outcome<ShareCreatedView>.Conflict c => throw new CliException("to: " + c.Detail),
                var other => throw new InvalidOperationException(other.ToString()),
            };
            if (parse.GetValue(json))
            {
                host.WriteJson(created);
                return;
            }
            var s = created.Share;
            await host.Console.Out.WriteLineAsync($"Shared (id {s.Id}): {string.Join(", ", s.Scopes)} with {Who(s)}{Until(s)}.").ConfigureAwait(false);
            if (created.Url is { } url)
            {
                await host.Console.Out.WriteLineAsync("The link (copy it now; it is not shown again):").ConfigureAwait(false);
                await host.Console.Out.WriteLineAsync(url).ConfigureAwait(false);
            }
        }));

        var listJson = new Option<bool>("--json") { Description = "Print JSON (the same as GET /api/v1/shares)" };
        share.Add(runtime.Command("list", "Who has access to your record, since when, what they see, last viewed", [listJson], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var shares = await host.Get<ListShares>().ListAsync(user.Id, ct).ConfigureAwait(false);
            if (parse.GetValue(listJson))
            {
                host.WriteJson(shares);
                return;
            }
            if (shares.Count == 0)
            {
                await host.Console.Out.WriteLineAsync("You share with no one.").ConfigureAwait(false);
                return;
            }
            if (!host.Console.Interactive)
            {
                foreach (var s in shares)
                {
                    await host.Console.Out.WriteLineAsync(string.Join('\t', s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Status,
                        SafeWriter.Escape(Who(s)), string.Join(",", s.Scopes), s.CreatedAt, s.ExpiresAt ?? "-", s.LastViewedAt ?? "never")).ConfigureAwait(false);
                }
                return;
            }
            var table = new Table().AddColumns("Id", "Status", "Who", "Sees", "Since", "Until", "Last viewed");
            foreach (var s in shares)
            {
                table.AddRow(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Status, SafeWriter.Markup(Who(s)),
                    string.Join(", ", s.Scopes) + (s.MayEnterCows ? "; COWS" : ""), s.CreatedAt[..10], s.ExpiresAt?[..10] ?? "-", s.LastViewedAt?[..16] ?? "never");
            }
            host.Console.Ansi().Write(table);
        }));

        var id = new Argument<long>("id") { Description = "The share's id (wane share list)" };
        share.Add(runtime.Command("revoke", "End a share at once (it stays listed with its access log)", [id], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            if (!await host.Get<RevokeShare>().HandleAsync(user.Id, parse.GetValue(id), ct).ConfigureAwait(false))
            {
                throw new CliException($"id: you have no share {parse.GetValue(id)}.");
            }
            await host.Console.Out.WriteLineAsync($"Share {parse.GetValue(id)} revoked.").ConfigureAwait(false);
        }));
        root.Add(share);
    }

    private static string Who(ShareView s) => s.Kind == "link" ? $"a link{(s.To is { } l ? $" for {l}" : "")}" : s.To ?? "a deleted account";

    private static string Until(ShareView s) => s.ExpiresAt is { } e ? $" until {e}" : "";
}
