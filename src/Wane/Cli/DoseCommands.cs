using System.CommandLine;
using System.Globalization;
using Wane.Features.Journal;

namespace Wane.Cli;

/// <summary><c>wane dose delete ID [--purge]</c>.</summary>
internal static class DoseCommands
{
    public static void Add(RootCommand root, CliRuntime runtime)
    {
        var id = new Argument<string>("id") { Description = "The dose's id (see: wane doses)" };
        var purge = new Option<bool>("--purge") { Description = "Also erase it from the change history (only its client id is kept, so a retry is not logged again)" };
        var dose = new Command("dose", "One dose");
        dose.Add(runtime.Command("delete", "Delete a dose (kept in its change history unless --purge)", [id, purge], async (host, parse, ct) =>
        {
            var user = await host.UserAsync(parse.GetValue(WaneCli.UserOption), ct).ConfigureAwait(false);
            var text = parse.GetValue(id)!;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var doseId))
            {
                throw new CliException($"id: \"{text}\" is not a dose id; ids are whole numbers (see: wane doses).");
            }
            var erase = parse.GetValue(purge);
            if (!await host.Get<DeleteDose>().DeleteAsync(user.Id, doseId, erase, ct).ConfigureAwait(false))
            {
                throw new CliException($"id: you have no dose {doseId.ToString(CultureInfo.InvariantCulture)}{(erase ? " with a history left to erase" : "")}.");
            }
            host.Console.Out.WriteLine(erase
                ? $"Deleted dose {doseId.ToString(CultureInfo.InvariantCulture)} and erased it from the change history."
                : $"Deleted dose {doseId.ToString(CultureInfo.InvariantCulture)}; the change history keeps what it was (--purge erases that too).");
        }));
        root.Add(dose);
    }
}
