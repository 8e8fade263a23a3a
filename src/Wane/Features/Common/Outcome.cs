using Wane.Domain;

namespace Wane.Features.Common;

/// <summary>The result of a use case: a value, field errors (nothing stored), "not found" (nothing that is yours), or "gone" (deleted).</summary>
internal abstract record Outcome<T>
{
    private Outcome() { }

    public sealed record Ok(T Value) : Outcome<T>;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome<T>;

    public sealed record NotFound(string What) : Outcome<T>;

    /// <summary>What was asked for existed once and was deleted (a retry of a deleted dose, for example).</summary>
    public sealed record Gone(string Title, string Detail) : Outcome<T>;

    /// <summary>The request cannot be carried out as things stand (a product with doses cannot be deleted, for example).</summary>
    public sealed record Conflict(string Title, string Detail) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Ok(value);

    public static Outcome<T> Fail(IReadOnlyList<FieldError> errors) => new Invalid(errors);

    public static Outcome<T> Fail(string field, string message) => new Invalid([new FieldError(field, message)]);
}
