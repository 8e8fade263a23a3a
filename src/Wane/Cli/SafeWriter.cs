using System.Globalization;
using System.Text;
using Wane.Features.Common;

namespace Wane.Cli;

/// <summary>
/// A text writer that prints control characters (other than newline and tab) as visible escapes such
/// as <c>\u001B</c>, so what it prints cannot drive the terminal.
/// </summary>
internal sealed class SafeWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (IsUnsafe(value))
        {
            inner.Write(Code(value));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override Task WriteAsync(string? value) => inner.WriteAsync(Escape(value));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(Escape(value));

    public override void WriteLine(string? value) => inner.WriteLine(Escape(value));

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    /// <summary>Text for Spectre markup: control characters escaped, then markup escaped.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Escape(text));

    /// <summary>The text with every control character other than newline and tab written as <c>\uXXXX</c>.</summary>
    public static string Escape(string? text) => VisibleText.Of(text);

    private static bool IsUnsafe(char c) => VisibleText.IsHidden(c);

    private static string Code(char c) => VisibleText.Code(c);
}
