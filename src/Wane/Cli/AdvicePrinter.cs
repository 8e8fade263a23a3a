using Spectre.Console;
using Wane.Domain.Guardrails;
using Wane.Features.Guardrails;

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
            var colour = a.Severity switch { AdvisoryLevel.Danger => "red bold", AdvisoryLevel.Caution => "yellow", _ => "blue" };
            ansi.MarkupLine($"[{colour}]{a.Level.ToUpperInvariant()}[/] {SafeWriter.Markup(a.Rule)} {SafeWriter.Markup(a.Title)}: {SafeWriter.Markup(a.Message)}");
            ansi.MarkupLine($"  Why: {SafeWriter.Markup(a.Why)}");
            if (a.Suggestion is not null)
            {
                ansi.MarkupLine($"  Try: {SafeWriter.Markup(a.Suggestion)}");
            }
            foreach (var r in a.Resources)
            {
                ansi.MarkupLine($"  [bold]{SafeWriter.Markup(r.Name)}[/]: {SafeWriter.Markup(r.How)}. {SafeWriter.Markup(r.Note)}");
            }
            ansi.MarkupLine($"  [dim]Source: {SafeWriter.Markup(a.Source)}[/]");
        }
    }
}
