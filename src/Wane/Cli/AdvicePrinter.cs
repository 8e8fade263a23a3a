using Spectre.Console;
using Wane.Features.Journal;

namespace Wane.Cli;

/// <summary>Prints advisories, coloured by level on a terminal.</summary>
internal static class AdvicePrinter
{
    public static void Print(CliConsole console, IReadOnlyList<AdvisoryView> advisories)
    {
        if (advisories.Count == 0)
        {
            return;
        }
        var ansi = console.Ansi();
        foreach (var a in advisories)
        {
            var colour = a.Level switch { "danger" => "red bold", "caution" => "yellow", _ => "blue" };
            ansi.MarkupLine($"[{colour}]{a.Level.ToUpperInvariant()}[/] {Markup.Escape(a.Rule)} {Markup.Escape(a.Title)}: {Markup.Escape(a.Message)}");
            ansi.MarkupLine($"  Why: {Markup.Escape(a.Why)}");
            if (a.Suggestion is not null)
            {
                ansi.MarkupLine($"  Try: {Markup.Escape(a.Suggestion)}");
            }
            foreach (var r in a.Resources)
            {
                ansi.MarkupLine($"  [bold]{Markup.Escape(r.Name)}[/]: {Markup.Escape(r.How)}. {Markup.Escape(r.Note)}");
            }
            ansi.MarkupLine($"  [dim]Source: {Markup.Escape(a.Source)}[/]");
        }
    }
}
