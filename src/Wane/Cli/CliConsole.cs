using Spectre.Console;

namespace Wane.Cli;

/// <summary>The CLI's standard streams; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool Interactive)
{
    public static CliConsole System() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected && !Console.IsOutputRedirected);

    /// <summary>A Spectre console over <see cref="Out"/>; colour only on a terminal.</summary>
    public IAnsiConsole Ansi() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
    });
}
