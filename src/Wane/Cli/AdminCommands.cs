using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Wane.Domain;
using Wane.Features.Accounts;
using Wane.Features.Admin;
using Wane.Features.Common;
using Wane.Web;

namespace Wane.Cli;

/// <summary>
/// For the people who run the instance: <c>wane user list|disable|enable|admin|reset-password</c> and
/// <c>wane invite create|list|revoke</c>. Whoever can run the CLI on the data folder administers it, so these
/// verbs ask for no admin account.
/// </summary>
internal static class AdminCommands
{
    public static void AddUserVerbs(Command user, CliRuntime runtime)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        user.Add(runtime.Command("list", "List the accounts: name, created, last sign-in, disabled, admin, two-factor (never what is in them)", [json], async (host, parse, ct) =>
        {
            var accounts = await host.Get<ListAccounts>().ListAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                host.WriteJson(accounts);
                return;
            }
            if (accounts.Count == 0)
            {
                host.Console.Out.WriteLine("No accounts yet. Create one with: wane user add NAME");
                return;
            }
            if (!host.Console.Interactive)
            {
                // One line per account, tab-separated, for grep, cut and awk.
                host.Console.Out.WriteLine("name\tcreated\tlast_sign_in\tdisabled\tadmin\ttwo_factor");
                foreach (var a in accounts)
                {
                    host.Console.Out.WriteLine($"{a.Name}\t{a.CreatedAt}\t{a.LastSignInAt ?? "-"}\t{YesNo(a.Disabled)}\t{YesNo(a.Admin)}\t{YesNo(a.TwoFactor)}");
                }
                return;
            }
            var table = new Table().AddColumns("Name", "Created", "Last sign-in", "Disabled", "Admin", "Two-factor");
            foreach (var a in accounts)
            {
                table.AddRow(SafeWriter.Markup(a.Name), a.CreatedAt, a.LastSignInAt ?? "never", a.Disabled ? "disabled" : "", a.Admin ? "admin" : "", a.TwoFactor ? "on" : "off");
            }
            host.Console.Ansi().Write(table);
        }));

        var disabled = new Argument<string>("name") { Description = "User name" };
        user.Add(runtime.Command("disable", "Stop an account signing in; end its sessions; refuse its tokens and calendar feed until enabled", [disabled], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(disabled), ct).ConfigureAwait(false);
            var result = Settle(await host.Get<DisableAccount>().DisableAsync(target.Id, ct).ConfigureAwait(false));
            host.Console.Out.WriteLine(result.Changed
                ? $"Disabled {target.UserName}: they cannot sign in, {Sessions(result.SessionsEnded)} ended, and their tokens and calendar feed are refused. Nothing in the account was deleted; wane user enable {target.UserName} undoes it."
                : $"{target.UserName} was disabled already; nothing changed.");
        }));
        var enabled = new Argument<string>("name") { Description = "User name" };
        user.Add(runtime.Command("enable", "Let a disabled account sign in again (the sessions it had stay ended)", [enabled], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(enabled), ct).ConfigureAwait(false);
            host.Console.Out.WriteLine(Settle(await host.Get<DisableAccount>().EnableAsync(target.Id, ct).ConfigureAwait(false))
                ? $"Enabled {target.UserName}: they can sign in again."
                : $"{target.UserName} was not disabled; nothing changed.");
        }));

        var adminName = new Argument<string>("name") { Description = "User name" };
        var on = new Option<bool>("--on") { Description = "Make the account an admin" };
        var off = new Option<bool>("--off") { Description = "Make the account an ordinary one (at least one admin remains)" };
        user.Add(runtime.Command("admin", "Make an account an admin (--on) or not (--off); the first account is one", [adminName, on, off], async (host, parse, ct) =>
        {
            if (parse.GetValue(on) == parse.GetValue(off))
            {
                throw new CliException("admin: say --on or --off.");
            }
            var target = await host.UserAsync(parse.GetValue(adminName), ct).ConfigureAwait(false);
            var admin = parse.GetValue(on);
            var changed = Settle(await host.Get<SetAdmin>().SetAsync(target.Id, admin, ct).ConfigureAwait(false));
            host.Console.Out.WriteLine(changed
                ? admin ? $"{target.UserName} is an admin now: they can open /admin." : $"{target.UserName} is not an admin now."
                : admin ? $"{target.UserName} was an admin already; nothing changed." : $"{target.UserName} was not an admin; nothing changed.");
        }));

        var resetName = new Argument<string>("name") { Description = "User name" };
        var set = new Option<bool>("--set") { Description = "Set a new password now instead (asks on a terminal, without echo)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "With --set: read the password from the first line of standard input" };
        user.Add(runtime.Command("reset-password", "Print a one-time link to choose a new password (or --set one); every session of the account ends", [resetName, set, passwordStdin], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(resetName), ct).ConfigureAwait(false);
            if (parse.GetValue(set) || parse.GetValue(passwordStdin))
            {
                var password = await AccountCommands.ReadPasswordAsync(host.Console, parse.GetValue(passwordStdin)).ConfigureAwait(false);
                var ended = Settle(await host.Get<Accounts>().SetPasswordAsync(target.Id, password, ct).ConfigureAwait(false));
                host.Console.Out.WriteLine($"Set a new password for {target.UserName}; {Sessions(ended)} ended.");
                return;
            }
            var (secret, endedNow) = Settle(await host.Get<ResetPassword>().CreateAsync(target.Id, ct).ConfigureAwait(false));
            host.Console.Error.WriteLine($"A link for {target.UserName} to choose a new password: it works once, for {(int)ResetPassword.Lifetime.TotalHours} hours, and a new link replaces it. {Sessions(endedNow)} ended. Give it to them yourself:");
            host.Console.Out.WriteLine(ResetPassword.Link(BaseUrl(host), secret));
        }));
    }

    public static void AddInvite(RootCommand root, CliRuntime runtime)
    {
        var invite = new Command("invite", "One-time sign-up links, for when open sign-up is off");
        var expires = new Option<string?>("--expires") { Description = "How long it works: 7d (the default), 12h, 30m; at most 90d" };
        var note = new Option<string?>("--note") { Description = "A note for the admins (who it is for); the person does not see it" };
        invite.Add(runtime.Command("create", "Create an invitation and print its link (only the link, once)", [expires, note], async (host, parse, ct) =>
        {
            var lifetime = Settle(Invitations.ParseLifetime(parse.GetValue(expires)));
            var (secret, row) = Settle(await host.Get<Invitations>().CreateAsync(null, lifetime, parse.GetValue(note), ct).ConfigureAwait(false));
            host.Console.Error.WriteLine($"Invitation {row.Id.ToString(CultureInfo.InvariantCulture)}: works once, until {Features.Accounts.Invitations.ListTime(row.ExpiresAt)}. Wane keeps only a hash; send it yourself:");
            host.Console.Out.WriteLine(Invitations.Link(BaseUrl(host), secret));
        }));
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        invite.Add(runtime.Command("list", "List invitations: open, used, revoked or expired", [json], async (host, parse, ct) =>
        {
            var list = await host.Get<Invitations>().ListAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                host.WriteJson(list);
                return;
            }
            if (list.Count == 0)
            {
                host.Console.Out.WriteLine("No invitations yet. Create one with: wane invite create");
                return;
            }
            if (!host.Console.Interactive)
            {
                host.Console.Out.WriteLine("id\tstatus\tcreated\texpires\tused\tnote");
                foreach (var i in list)
                {
                    host.Console.Out.WriteLine($"{i.Id.ToString(CultureInfo.InvariantCulture)}\t{WireName.Of(i.Status)}\t{i.CreatedAt}\t{i.ExpiresAt}\t{i.UsedAt ?? "-"}\t{i.Note}");
                }
                return;
            }
            var table = new Table().AddColumns("Id", "Status", "Created", "Expires", "Used", "Note");
            foreach (var i in list)
            {
                table.AddRow(i.Id.ToString(CultureInfo.InvariantCulture), WireName.Of(i.Status), i.CreatedAt, i.ExpiresAt, i.UsedAt ?? "", SafeWriter.Markup(i.Note ?? ""));
            }
            host.Console.Ansi().Write(table);
        }));
        var id = new Argument<long>("id") { Description = "The invitation's id (wane invite list)" };
        invite.Add(runtime.Command("revoke", "Withdraw an open invitation: its link makes no account", [id], async (host, parse, ct) =>
        {
            var which = parse.GetValue(id);
            host.Console.Out.WriteLine(Settle(await host.Get<Invitations>().RevokeAsync(which, ct).ConfigureAwait(false))
                ? $"Withdrew invitation {which.ToString(CultureInfo.InvariantCulture)}: its link makes no account now."
                : $"Invitation {which.ToString(CultureInfo.InvariantCulture)} was withdrawn already; nothing changed.");
        }));
        root.Add(invite);
    }

    /// <summary>The value of an outcome, or the CLI's error for its failure.</summary>
    internal static T Settle<T>(Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Ok ok => ok.Value,
        Outcome<T>.Invalid bad => throw new CliException(bad.Errors),
        Outcome<T>.Conflict c => throw new CliException($"{c.Title} {c.Detail}"),
        Outcome<T>.NotFound n => throw new CliException($"{n.What.ToLowerInvariant()}: there is none with that name or id."),
        _ => throw new CliException("That could not be done."),
    };

    // The address people reach the instance at (the PublicUrl setting, as the server uses), else the default one.
    private static string BaseUrl(CliHost host) =>
        (PublicUrl.Parse(host.Get<IConfiguration>()["PublicUrl"])?.ToString() ?? WaneWeb.DefaultUrl).TrimEnd('/');

    private static string Sessions(int n) => $"{n.ToString(CultureInfo.InvariantCulture)} session{(n == 1 ? "" : "s")}";

    private static string YesNo(bool b) => b ? "yes" : "no";
}
