using System.CommandLine;
using Spectre.Console;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Cli;

/// <summary><c>wane user add|password|two-factor-off|passkeys-off|delete</c>, <c>wane token create</c> (the admin's verbs: <see cref="AdminCommands"/>).</summary>
internal static class AccountCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone, e.g. America/New_York (default: this machine's)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var user = new Command("user", "Manage accounts");
        user.Add(runtime.Command("add", "Create an account (asks for a password on a terminal)", [name, zone, passwordStdin], async (host, parse, ct) =>
        {
            var password = await ReadPasswordAsync(host.Console, parse.GetValue(passwordStdin)).ConfigureAwait(false);
            var outcome = await host.Get<Accounts>().CreateAsync(parse.GetValue(name), password, parse.GetValue(zone)).ConfigureAwait(false);
            if (outcome is Outcome<WaneUser>.Invalid bad)
            {
                throw new CliException(bad.Errors);
            }
            var created = ((Outcome<WaneUser>.Ok)outcome).Value;
            host.Console.Out.WriteLine($"Created user {created.UserName} (time zone {created.TimeZone}).");
        }));
        var who = new Argument<string>("name") { Description = "User name" };
        user.Add(runtime.Command("password", "Set a user's password (asks on a terminal) and end every session they have", [who, passwordStdin], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(who), ct).ConfigureAwait(false);
            var password = await ReadPasswordAsync(host.Console, parse.GetValue(passwordStdin)).ConfigureAwait(false);
            var outcome = await host.Get<Accounts>().SetPasswordAsync(target.Id, password, ct).ConfigureAwait(false);
            if (outcome is Outcome<int>.Invalid bad)
            {
                throw new CliException(bad.Errors);
            }
            var ended = ((Outcome<int>.Ok)outcome).Value;
            host.Console.Out.WriteLine($"Changed the password of {target.UserName}; {ended} session{(ended == 1 ? "" : "s")} ended.");
        }));
        var off = new Argument<string>("name") { Description = "User name" };
        user.Add(runtime.Command("two-factor-off", "Turn off a user's two-factor sign-in (when they lost their app and recovery codes)", [off], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(off), ct).ConfigureAwait(false);
            var wasOn = await host.Get<Accounts>().TurnOffTwoFactorAsync(target.Id).ConfigureAwait(false);
            host.Console.Out.WriteLine(wasOn
                ? $"Two-factor sign-in is off for {target.UserName}: their password alone signs them in. They can turn it on again on the two-factor page."
                : $"Two-factor sign-in was not on for {target.UserName}; nothing changed.");
        }));
        var keyless = new Argument<string>("name") { Description = "User name" };
        user.Add(runtime.Command("passkeys-off", "Remove all of a user's passkeys (a lost or stolen device); their password still signs them in", [keyless], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(keyless), ct).ConfigureAwait(false);
            var removed = await host.Get<Passkeys>().RemoveAllAsync(target.Id, ct).ConfigureAwait(false);
            host.Console.Out.WriteLine(removed > 0
                ? $"Removed {removed} passkey{(removed == 1 ? "" : "s")} of {target.UserName}: none signs them in now. To also end the sessions they have, run `wane user password {target.UserName}`."
                : $"{target.UserName} had no passkeys; nothing changed.");
        }));
        var gone = new Argument<string>("name") { Description = "User name" };
        var yes = new Option<bool>("--yes") { Description = "Do not ask to type the name (for scripts)" };
        user.Add(runtime.Command("delete", "Delete an account and everything in it, for good (asks to type the name on a terminal)", [gone, yes], async (host, parse, ct) =>
        {
            var target = await host.UserAsync(parse.GetValue(gone), ct).ConfigureAwait(false);
            if (!parse.GetValue(yes))
            {
                if (!host.Console.Interactive)
                {
                    throw new CliException("confirm: no terminal to ask on; pass --yes to delete without asking.");
                }
                host.Console.Out.WriteLine($"This deletes {target.UserName} and every dose, product, plan, check-in, setting, token and session of theirs. It cannot be undone (wane export --user {target.UserName} first keeps a copy).");
                await host.Console.Out.WriteAsync("Type the user name to confirm: ").ConfigureAwait(false);
                await host.Console.Out.FlushAsync(ct).ConfigureAwait(false);
                var typed = await host.Console.In.ReadLineAsync(ct).ConfigureAwait(false);
                if (!string.Equals(typed?.Trim(), target.UserName, StringComparison.Ordinal))
                {
                    throw new CliException("confirm: the name typed differs; nothing was deleted.");
                }
            }
            var removed = AdminCommands.Settle(await host.Get<Features.Admin.RemoveAccount>().RemoveAsync(target.Id, ct).ConfigureAwait(false));
            host.Console.Out.WriteLine($"Deleted {target.UserName} and everything of theirs ({removed.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)} rows); their sessions and tokens ended.");
            if (removed.NoAdminLeft)
            {
                host.Console.Error.WriteLine("No admin remains: make one with wane user admin NAME --on (see wane user list).");
            }
        }));
        AdminCommands.AddUserVerbs(user, runtime);
        root.Add(user);
        AdminCommands.AddInvite(root, runtime);

        var label = new Option<string?>("--name") { Description = "A label to recognise the token by" };
        var token = new Command("token", "Personal access tokens for the API");
        token.Add(runtime.Command("create", "Create a token and print it (only the token, once)", [label], async (host, parse, ct) =>
        {
            var owner = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var outcome = await host.Get<AccessTokens>().CreateAsync(owner.Id, parse.GetValue(label), ct).ConfigureAwait(false);
            if (outcome is Outcome<(string, AccessToken)>.Invalid bad)
            {
                throw new CliException(bad.Errors);
            }
            host.Console.Out.WriteLine(((Outcome<(string Token, AccessToken)>.Ok)outcome).Value.Token);
        }));
        root.Add(token);
    }

    internal static async Task<string> ReadPasswordAsync(CliConsole console, bool fromStdin)
    {
        if (fromStdin)
        {
            return (await console.In.ReadLineAsync().ConfigureAwait(false))?.TrimEnd('\r', '\n')
                ?? throw new CliException("password: standard input was empty.");
        }
        if (!console.Interactive)
        {
            throw new CliException("password: no terminal to ask on; pass --password-stdin and pipe the password in.");
        }
        var ansi = console.Ansi();
        var first = ansi.Prompt(new TextPrompt<string>($"Password (at least {PasswordPolicy.MinLength} characters):").Secret());
        var second = ansi.Prompt(new TextPrompt<string>("Password again:").Secret());
        return first == second ? first : throw new CliException("password: the two passwords differ.");
    }
}
