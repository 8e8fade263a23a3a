using Spectre.Console;

namespace Wane.Cli;

/// <summary>
/// The CLI's standard streams; tests pass their own. <see cref="Out"/> and <see cref="Error"/> escape
/// control characters (<see cref="SafeWriter"/>), so text stored before they were refused (or typed
/// into an argument) can never retitle or clear the terminal that prints it.
/// </summary>
internal sealed class CliConsole(TextReader @in, TextWriter @out, TextWriter error, bool interactive)
{
    private readonly TextWriter raw = @out;

    public TextReader In { get; } = @in;

    public TextWriter Out { get; } = new SafeWriter(@out);

    public TextWriter Error { get; } = new SafeWriter(error);

    public bool Interactive { get; } = interactive;

    /// <summary>
    /// Standard output without escaping, for machine formats that carry no raw control character: the
    /// JSON export (the serializer escapes them) and the CSV export (its fields escape them too).
    /// </summary>
    public TextWriter Data => raw;

    public static CliConsole System() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected && !Console.IsOutputRedirected);

    /// <summary>
    /// A Spectre console; colour only on a terminal. On a terminal Spectre writes its own escape codes to
    /// the raw stream, so stored text handed to it goes through <see cref="SafeWriter.Escape"/> first.
    /// </summary>
    public IAnsiConsole Ansi() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Interactive ? raw : Out),
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
    });
}
