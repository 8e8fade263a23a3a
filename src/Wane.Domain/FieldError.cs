namespace Wane.Domain;

/// <summary>One problem with one input field, said so a person can fix it.</summary>
/// <param name="Field">The field's wire name (camelCase, as in the API), e.g. "amount".</param>
/// <param name="Message">What is wrong and what would be accepted.</param>
public sealed record FieldError(string Field, string Message);
