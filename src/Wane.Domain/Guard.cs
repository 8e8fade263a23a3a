using System.Runtime.CompilerServices;

namespace Wane.Domain;

/// <summary>Argument checks for programming errors. User input is validated with typed results instead.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value < min || value > max
            ? throw new ArgumentOutOfRangeException(name, value, $"Expected {min}..{max}.")
            : value;
}
