namespace Wane.Features.Common;

/// <summary>One line of a form's error summary: what is wrong, linking to the field to fix.</summary>
/// <param name="Href">The fragment of the field's first input, e.g. "#answer-4".</param>
/// <param name="Text">What to fix, naming the field.</param>
public sealed record ErrorLink(string Href, string Text);
